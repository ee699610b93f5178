/*
 * The last notified state of each subject (an SLO's policy band, a backup
 * target, a health endpoint): one notification per transition across rounds,
 * restarts and replicas, as a replica claims a transition with a conditional
 * update that only one of them can win.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_notification_state', table => {
    table.comment('Last state each notification subject was seen in');
    table
      .string('subject', 512)
      .primary()
      .notNullable()
      .comment('e.g. slo-policy:slo:default/checkout-availability');
    table.string('state', 64).notNullable();
    table
      .timestamp('since', { useTz: true })
      .notNullable()
      .comment('When the subject entered this state');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_notification_state');
};
