/*
 * Change markers (POST /api/ops/changes): deploys, config changes and flags
 * of an entity, drawn on the charts of its SLOs (docs/change-markers.md).
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_changes', table => {
    table.string('id', 36).primary().comment('UUID');
    table.string('entity_ref', 255).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('kind', 16).notNullable().comment('deploy, config or flag');
    table.string('title', 200).notNullable();
    table.text('url').nullable();
    table
      .string('created_by', 255)
      .notNullable()
      .comment('User entity ref or service subject');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'at'], 'ops_changes_entity_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_changes');
};
