/*
 * Deploy-gate overrides (GET /api/ops/gate): who allowed an entity's
 * deploys despite its error budget, why, and until when.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_gate_overrides', table => {
    table.string('id', 36).primary().comment('UUID');
    table.string('entity_ref', 255).notNullable();
    table.text('reason').notNullable().comment('Why, as the user gave it');
    table
      .string('created_by', 255)
      .notNullable()
      .comment('The user entity ref');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'expires_at'], 'ops_gate_overrides_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_gate_overrides');
};
