/*
 * The certificate a tls:// or smtp+starttls:// health URL presented, kept
 * with its probe so the health card can show days left, issuer and names.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ops_health_results', table => {
    table
      .text('certificate')
      .nullable()
      .comment('TlsCertificate as JSON, for TLS health URLs');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ops_health_results', table => {
    table.dropColumn('certificate');
  });
};
