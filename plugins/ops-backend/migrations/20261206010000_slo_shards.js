/*
 * SLO evaluation shared by replicas (ops.slo.shards): each shard's next
 * round and the lease of the replica evaluating it, and the replicas that
 * are alive (their heartbeat), which decides how shards are spread.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_slo_shards', table => {
    table.comment('SLO evaluation shards claimed by backend replicas');
    table
      .integer('shard')
      .primary()
      .comment('Shard number, 0 to ops.slo.shards - 1');
    table
      .dateTime('next_run_at')
      .notNullable()
      .comment('When the shard is next due for a round');
    table
      .string('lease_owner')
      .nullable()
      .comment('Replica evaluating the shard now');
    table
      .dateTime('lease_expires_at')
      .nullable()
      .comment(
        'After this the lease is lost (replica died) and others may claim it',
      );
    table.dateTime('last_completed_at').nullable();
    table.string('last_completed_by').nullable();
  });
  await knex.schema.createTable('ops_slo_shard_replicas', table => {
    table.comment('Backend replicas taking part in SLO evaluation');
    table.string('replica').primary().comment('Random id of a running replica');
    table.dateTime('seen_at').notNullable().comment('Last heartbeat');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_slo_shard_replicas');
  await knex.schema.dropTable('ops_slo_shards');
};
