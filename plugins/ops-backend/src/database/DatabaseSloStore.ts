import { DatabaseService } from '@backstage/backend-plugin-api';
import { SloHistoryPoint, SloStatus } from '@unyo/plugin-ops-common';
import { Knex } from 'knex';
import {
  pruneDailyRows,
  readDailyRows,
  upsertDailyRows,
} from '../slo/rollups/dailyRollupTable';
import { chunks, migratedClient, toDate } from './util';
import { SloDailyRow, SloStore, StoredSloStatus } from './SloStore';

/**
 * The SLO store on the plugin's own database (SQLite or PostgreSQL); the
 * daily rollups' statements live in `slo/rollups/dailyRollupTable.ts`.
 */
export class DatabaseSloStore implements SloStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseSloStore> {
    return new DatabaseSloStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  private constructor(private readonly db: Knex) {}

  async saveStatus(status: SloStatus): Promise<void> {
    const good = status.state !== 'error';
    const row: Record<string, unknown> = {
      slo_ref: status.ref,
      entity_ref: status.entityRef,
      status: JSON.stringify(status),
      evaluated_at: new Date(status.evaluatedAt),
    };
    if (good) {
      row.last_good = row.status;
      row.last_success_at = row.evaluated_at;
    }
    await this.db('ops_slo_status')
      .insert(row)
      .onConflict('slo_ref')
      .merge(Object.keys(row).filter(k => k !== 'slo_ref'));
  }

  async getStatuses(sloRefs: string[]): Promise<Map<string, StoredSloStatus>> {
    const result = new Map<string, StoredSloStatus>();
    for (const refs of chunks(sloRefs)) {
      const rows = await this.db('ops_slo_status')
        .whereIn('slo_ref', refs)
        .select('slo_ref', 'status', 'last_good');
      for (const row of rows) {
        result.set(row.slo_ref, {
          status: JSON.parse(row.status),
          lastGood: row.last_good ? JSON.parse(row.last_good) : undefined,
        });
      }
    }
    return result;
  }

  upsertDaily(rows: SloDailyRow[]): Promise<void> {
    return upsertDailyRows(this.db, rows);
  }

  getDaily(
    sloRefs: string[],
    fromDay: string,
    toDay: string,
  ): Promise<SloDailyRow[]> {
    return readDailyRows(this.db, sloRefs, fromDay, toDay);
  }

  async addHistoryPoint(
    sloRef: string,
    point: SloHistoryPoint,
    slotSeconds: number,
  ): Promise<void> {
    const slotMs = slotSeconds * 1000;
    const t = new Date(Math.floor(Date.parse(point.t) / slotMs) * slotMs);
    await this.db('ops_slo_history')
      .insert({
        slo_ref: sloRef,
        t,
        remaining_ratio: point.remainingRatio,
        sli_ratio: point.sliRatio,
      })
      .onConflict(['slo_ref', 't'])
      .merge(['remaining_ratio', 'sli_ratio']);
  }

  async getHistory(
    sloRef: string,
    from: Date,
    to: Date,
  ): Promise<SloHistoryPoint[]> {
    const rows = await this.db('ops_slo_history')
      .where('slo_ref', sloRef)
      .andWhere('t', '>=', from)
      .andWhere('t', '<=', to)
      .orderBy('t');
    return rows.map(r => ({
      t: toDate(r.t).toISOString(),
      remainingRatio:
        r.remaining_ratio === null ? null : Number(r.remaining_ratio),
      sliRatio: r.sli_ratio === null ? null : Number(r.sli_ratio),
    }));
  }

  async prune(before: Date): Promise<void> {
    await this.db('ops_slo_history').where('t', '<', before).delete();
    await pruneDailyRows(this.db, before);
  }
}
