/*
 * Error-budget corrections (POST /api/ops/slos/{namespace}/{name}/corrections):
 * one-off spans removed from an SLO's good and total. A deleted correction
 * is kept, marked, until the next evaluation round has recomputed the
 * excluded counts of the daily rollups it touched.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_slo_corrections', table => {
    table.string('id', 36).primary().comment('UUID');
    table.string('slo_ref', 255).notNullable();
    table.timestamp('start_at', { useTz: true }).notNullable();
    table.timestamp('end_at', { useTz: true }).notNullable();
    table.string('category', 32).notNullable();
    table.text('reason').notNullable().comment('Why, as the user gave it');
    table
      .string('created_by', 255)
      .notNullable()
      .comment('The user entity ref');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table
      .timestamp('deleted_at', { useTz: true })
      .nullable()
      .comment('Set on delete; the row goes once the rollups are recomputed');
    table
      .boolean('rollups_pending')
      .notNullable()
      .defaultTo(true)
      .comment('The daily rollups of its days still hold the old exclusion');
    table.index(['slo_ref', 'start_at'], 'ops_slo_corrections_slo_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_slo_corrections');
};
