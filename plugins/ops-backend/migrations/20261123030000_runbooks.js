/*
 * Runbook action executions: the audit trail of `GET /executions`, and the
 * idempotency keys that make a double click run an action once.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_runbook_executions', table => {
    table.comment('Runs of runbook actions, including refused ones');
    table.string('id', 36).primary().comment('A UUID');
    table.string('runbook_ref', 255).notNullable();
    table.string('action_id', 63).notNullable();
    table.string('entity_ref', 255).nullable();
    table.string('actor', 255).notNullable();
    table
      .string('idempotency_key', 255)
      .nullable()
      .comment('Null for rejected requests, so a retry can still run');
    table.text('parameters').notNullable().comment('JSON, secrets redacted');
    table
      .string('status', 16)
      .notNullable()
      .comment('pending|running|succeeded|failed|rejected');
    table.text('output').nullable().comment('ExecutionOutput as JSON');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table
      .timestamp('deadline_at', { useTz: true })
      .nullable()
      .comment('A row still running after this was cut short by a restart');
    // Two requests with the same key: the database lets only one in.
    table.unique(['runbook_ref', 'action_id', 'actor', 'idempotency_key'], {
      indexName: 'ops_runbook_executions_idempotency_idx',
    });
    table.index(
      ['runbook_ref', 'created_at'],
      'ops_runbook_executions_runbook_created_idx',
    );
    table.index(['status', 'deadline_at'], 'ops_runbook_executions_status_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_runbook_executions');
};
