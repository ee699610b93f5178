/*
 * Backup status: runs that backup jobs and restore drills push
 * (POST /backups/reports), and the last reading of each BackupPolicy target's
 * source, so that a source that is down shows its last good value and age.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_backup_reports', table => {
    table.comment('Backup runs and restore drills reported by jobs');
    table.bigIncrements('id').primary();
    table
      .string('policy_ref', 255)
      .notNullable()
      .comment('e.g. backuppolicy:default/mairust-db-backups');
    table
      .string('target', 255)
      .notNullable()
      .comment('A target name of the policy, or restore-test');
    table.string('status', 16).notNullable().comment('succeeded|failed');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.bigInteger('size_bytes').nullable();
    table.text('location').nullable();
    table.text('message').nullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.index(
      ['policy_ref', 'target', 'finished_at'],
      'ops_backup_reports_policy_target_finished_idx',
    );
    table.index(['finished_at'], 'ops_backup_reports_finished_at_idx');
  });
  await knex.schema.createTable('ops_backup_readings', table => {
    table.comment('The last reading of each BackupPolicy target source');
    table.string('policy_ref', 255).notNullable();
    table.string('target', 255).notNullable();
    table
      .text('reading')
      .nullable()
      .comment('The last good BackupReading as JSON; null if never read');
    table
      .timestamp('checked_at', { useTz: true })
      .nullable()
      .comment('When the last good reading was taken');
    table.timestamp('attempted_at', { useTz: true }).notNullable();
    table
      .text('error')
      .nullable()
      .comment('Why the last attempt failed; null when it succeeded');
    table.primary(['policy_ref', 'target']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_backup_readings');
  await knex.schema.dropTable('ops_backup_reports');
};
