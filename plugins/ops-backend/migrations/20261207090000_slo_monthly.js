/*
 * Monthly sums of the daily rollups, kept in step with ops_slo_daily by every
 * statement that changes it (src/slo/rollups/monthlyRollupTable.ts): the SLO
 * report reads a year of months without summing a year of days.
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
  await knex.raw(
    `insert into ops_slo_monthly (slo_ref, month, good, total, days, updated_at)
     select slo_ref, substr(day, 1, 7), sum(good - excluded_good),
       sum(total - excluded_total), count(*), ?
     from ops_slo_daily
     group by slo_ref, substr(day, 1, 7)`,
    [new Date()],
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_slo_monthly');
};
