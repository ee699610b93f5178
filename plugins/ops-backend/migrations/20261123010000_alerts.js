/*
 * Alert history from Alertmanager's webhook: one row per firing of an alert,
 * identified by Alertmanager's fingerprint and the firing's start, so that
 * repeated deliveries of the same notification change nothing.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_alert_events', table => {
    table.comment('Firings and resolutions of alerts (Alertmanager webhook)');
    table.string('fingerprint', 64).notNullable();
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.string('alertname').notNullable();
    table.text('labels').notNullable().comment('The alert labels as JSON');
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.primary(['fingerprint', 'starts_at']);
    table.index(['starts_at'], 'ops_alert_events_starts_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_alert_events');
};
