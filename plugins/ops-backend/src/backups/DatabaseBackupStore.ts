import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { chunks, migratedClient, toDate } from '../database/util';
import {
  BackupStore,
  readingKey,
  StoredBackupReading,
  StoredBackupReport,
} from './BackupStore';
import { BackupCopy, BackupReading } from '@unyo/plugin-ops-node';

const REPORTS = 'ops_backup_reports';
const READINGS = 'ops_backup_readings';

function toReport(row: any): StoredBackupReport {
  return {
    id: String(row.id),
    policyRef: row.policy_ref,
    target: row.target,
    status: row.status,
    startedAt: toDate(row.started_at),
    finishedAt: toDate(row.finished_at),
    // PostgreSQL returns bigint as a string.
    ...(row.size_bytes !== null && row.size_bytes !== undefined
      ? { sizeBytes: Number(row.size_bytes) }
      : {}),
    ...(row.location ? { location: row.location } : {}),
    ...(row.message ? { message: row.message } : {}),
    receivedAt: toDate(row.received_at),
  };
}

const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : v);

/** JSON dates back into Date objects. */
function parseReading(text: string | null): BackupReading | null {
  if (!text) return null;
  const raw = JSON.parse(text);
  return {
    ...raw,
    copies: (raw.copies ?? []).map(
      (c: any): BackupCopy => ({
        ...c,
        finishedAt: new Date(c.finishedAt),
        ...(c.startedAt ? { startedAt: new Date(c.startedAt) } : {}),
      }),
    ),
    ...('lastSuccessAt' in raw
      ? { lastSuccessAt: date(raw.lastSuccessAt) }
      : {}),
    ...('lastFailureAt' in raw
      ? { lastFailureAt: date(raw.lastFailureAt) }
      : {}),
  };
}

/** Backup reports and readings on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseBackupStore implements BackupStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseBackupStore> {
    return new DatabaseBackupStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  private constructor(private readonly db: Knex) {}

  async addReport(report: Parameters<BackupStore['addReport']>[0]) {
    const [row] = await this.db(REPORTS)
      .insert({
        policy_ref: report.policyRef,
        target: report.target,
        status: report.status,
        started_at: report.startedAt,
        finished_at: report.finishedAt,
        size_bytes: report.sizeBytes ?? null,
        location: report.location ?? null,
        message: report.message ?? null,
        received_at: report.receivedAt,
      })
      .returning('*');
    return toReport(row);
  }

  async listReports(
    policyRefs: string[],
    options: { target?: string; since?: Date; limit?: number } = {},
  ): Promise<StoredBackupReport[]> {
    const out: StoredBackupReport[] = [];
    for (const batch of chunks([...new Set(policyRefs)])) {
      const query = this.db(REPORTS)
        .whereIn('policy_ref', batch)
        .orderBy([
          { column: 'finished_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]);
      if (options.target !== undefined) query.where('target', options.target);
      if (options.since) query.where('finished_at', '>', options.since);
      if (options.limit) query.limit(options.limit);
      out.push(...(await query).map(toReport));
    }
    return out.sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());
  }

  async saveReading(
    policyRef: string,
    target: string,
    reading: BackupReading,
    at: Date,
  ): Promise<void> {
    await this.db(READINGS)
      .insert({
        policy_ref: policyRef,
        target,
        reading: JSON.stringify(reading),
        checked_at: at,
        attempted_at: at,
        error: null,
      })
      .onConflict(['policy_ref', 'target'])
      .merge(['reading', 'checked_at', 'attempted_at', 'error']);
  }

  async saveError(
    policyRef: string,
    target: string,
    error: string,
    at: Date,
  ): Promise<void> {
    // The last good reading stays: only the attempt and its error change.
    await this.db(READINGS)
      .insert({
        policy_ref: policyRef,
        target,
        reading: null,
        checked_at: null,
        attempted_at: at,
        error,
      })
      .onConflict(['policy_ref', 'target'])
      .merge(['attempted_at', 'error']);
  }

  async getReadings(
    policyRefs: string[],
  ): Promise<Map<string, StoredBackupReading>> {
    const out = new Map<string, StoredBackupReading>();
    for (const batch of chunks([...new Set(policyRefs)])) {
      const rows = await this.db(READINGS).whereIn('policy_ref', batch);
      for (const row of rows) {
        out.set(readingKey(row.policy_ref, row.target), {
          policyRef: row.policy_ref,
          target: row.target,
          reading: parseReading(row.reading),
          checkedAt: row.checked_at ? toDate(row.checked_at) : null,
          attemptedAt: toDate(row.attempted_at),
          error: row.error ?? null,
        });
      }
    }
    return out;
  }

  async pruneReports(before: Date): Promise<number> {
    return this.db(REPORTS).where('finished_at', '<', before).delete();
  }
}
