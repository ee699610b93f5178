/*
 * SLO evaluation results and daily rollups.
 *
 * Daily good/total per SLO and UTC day make 30-day and calendar windows right
 * even when Prometheus keeps less history, and make reports cheap.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_slo_status', table => {
    table.comment('The latest evaluation of each SLO, and the last good one');
    table.string('slo_ref').primary().notNullable();
    table.string('entity_ref').notNullable().index();
    table.text('status').notNullable().comment('SloStatus as JSON');
    table
      .text('last_good')
      .nullable()
      .comment('The last SloStatus with state ok');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
  });

  await knex.schema.createTable('ops_slo_daily', table => {
    table.comment('Good and total events (or slices) per SLO and UTC day');
    table.string('slo_ref').notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.double('good').notNullable();
    table.double('total').notNullable();
    table.double('excluded_good').notNullable().defaultTo(0);
    table.double('excluded_total').notNullable().defaultTo(0);
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['slo_ref', 'day']);
  });

  await knex.schema.createTable('ops_slo_history', table => {
    table.comment(
      'Points of the budget burn-down, at most one per SLO and slot',
    );
    table.string('slo_ref').notNullable();
    table.timestamp('t', { useTz: true }).notNullable();
    table.double('remaining_ratio').nullable();
    table.double('sli_ratio').nullable();
    table.primary(['slo_ref', 't']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_slo_history');
  await knex.schema.dropTable('ops_slo_daily');
  await knex.schema.dropTable('ops_slo_status');
};
