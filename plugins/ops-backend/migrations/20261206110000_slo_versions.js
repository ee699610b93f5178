/*
 * SLO versions: each change of an SLO's target, window or queries the
 * evaluator sees in the catalog starts a new version, so the report can
 * judge each day against the version in force then.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_slo_versions', table => {
    table.string('slo_ref', 255).notNullable();
    table.integer('version').notNullable().comment('1, 2, ... per SLO');
    table
      .timestamp('since', { useTz: true })
      .notNullable()
      .comment('When the evaluator first saw this version');
    table.double('target').notNullable();
    table.text('time_window').notNullable().comment('The SloTimeWindow, JSON');
    table
      .string('queries_hash', 64)
      .notNullable()
      .comment('sha256 of the indicator spec, to notice query changes');
    table
      .text('changes')
      .notNullable()
      .comment('JSON array: target, window, queries');
    table.primary(['slo_ref', 'version']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_slo_versions');
};
