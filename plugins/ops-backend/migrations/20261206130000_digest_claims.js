/*
 * The SLO digests sent: one row per digest kind, period and recipient, so a
 * digest goes out once per group and period across restarts and replicas
 * (the replica whose insert wins sends it).
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_digest_claims', table => {
    table.comment('SLO digests claimed for sending, per period and recipient');
    table.string('kind', 16).notNullable().comment('weekly or monthly');
    table
      .string('period', 16)
      .notNullable()
      .comment('First day of the period, YYYY-MM-DD (UTC)');
    table
      .string('recipient', 255)
      .notNullable()
      .comment('Entity ref of the group the digest goes to');
    table.timestamp('claimed_at', { useTz: true }).notNullable();
    table.primary(['kind', 'period', 'recipient']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_digest_claims');
};
