/*
 * Health probe results: one row per probe of a health URL, kept 8 days, so
 * the health card can show the last 24 hours and uptime over 24 h and 7 d.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_health_results', table => {
    table.comment('Probes of unyo.dev/health-url endpoints');
    table.bigIncrements('id').primary();
    table.string('url', 2048).notNullable().comment('As the annotation has it');
    table.timestamp('checked_at', { useTz: true }).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('up|degraded|down|unknown');
    table.integer('latency_ms').nullable();
    table.text('checks').nullable().comment('HealthCheck[] as JSON');
    table.text('message').nullable();
    table.index(['url', 'checked_at'], 'ops_health_results_url_checked_at_idx');
    table.index(['checked_at'], 'ops_health_results_checked_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_health_results');
};
