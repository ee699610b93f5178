/*
 * Monthly sums of the daily rollups, for the SLO report to read a year of
 * months instead of summing a year of days. Writes of days only bump their
 * months' version in ops_slo_month_state; a read sums again the months whose
 * version it has not summed (src/slo/rollups/monthlyRollupTable.ts).
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_slo_monthly', table => {
    table.comment('Sums of ops_slo_daily per SLO and UTC month');
    table.string('slo_ref').notNullable();
    table.string('month', 7).notNullable().comment('YYYY-MM, UTC');
    table.double('good').notNullable().comment('Less the excluded good');
    table.double('total').notNullable().comment('Less the excluded total');
    table.integer('days').notNullable().comment('Daily rows summed');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['slo_ref', 'month']);
  });
  await knex.schema.createTable('ops_slo_month_state', table => {
    table.comment('Which changes of its days ops_slo_monthly has summed');
    table.string('month', 7).primary().comment('YYYY-MM, UTC');
    table
      .integer('version')
      .notNullable()
      .comment('Bumped by every write of the days of the month');
    table
      .integer('summed_version')
      .notNullable()
      .comment('The version the monthly rows were summed at');
  });
  // A month is summed again from its days alone: without this index, from
  // every SLO's days (the primary key starts with slo_ref).
  await knex.schema.alterTable('ops_slo_daily', table => {
    table.index(['day'], 'ops_slo_daily_day_idx');
  });
  await knex.raw(
    `insert into ops_slo_monthly (slo_ref, month, good, total, days, updated_at)
     select slo_ref, substr(day, 1, 7), sum(good - excluded_good),
       sum(total - excluded_total), count(*), ?
     from ops_slo_daily
     group by slo_ref, substr(day, 1, 7)`,
    [new Date()],
  );
  // Every month with days has a state row from here on: writes create it.
  await knex.raw(
    `insert into ops_slo_month_state (month, version, summed_version)
     select distinct month, 1, 1 from ops_slo_monthly`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ops_slo_daily', table => {
    table.dropIndex(['day'], 'ops_slo_daily_day_idx');
  });
  await knex.schema.dropTable('ops_slo_month_state');
  await knex.schema.dropTable('ops_slo_monthly');
};
