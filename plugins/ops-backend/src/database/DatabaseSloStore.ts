import { DatabaseService } from '@backstage/backend-plugin-api';
import { SloHistoryPoint, SloStatus } from '@unyo/plugin-ops-common';
import { Knex } from 'knex';
import {
  DailySummary,
  DailySummaryRange,
  pruneDailyRows,
  readDailyRows,
  setDailyExclusions,
  SloDailyExclusion,
  summarizeDailyRows,
  upsertDailyRows,
} from '../slo/rollups/dailyRollupTable';
import { appendTo } from '../lib/appendTo';
import { chunks, migratedClient, toDate } from './util';
import {
  SloDailyRow,
  SloHistoryEntry,
  SloStore,
  StoredSloStatus,
} from './SloStore';

/**
 * The SLO store on the plugin's own database (SQLite or PostgreSQL); the
 * daily rollups' statements live in `slo/rollups/dailyRollupTable.ts`, their
 * monthly sums' in `monthlyRollupTable.ts` next to it.
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

  saveStatus(status: SloStatus): Promise<void> {
    return this.saveStatuses([status]);
  }

  /**
   * One multi-row upsert per chunk; statuses in error and the others go in
   * separate statements, since only the latter replace the last good one.
   */
  async saveStatuses(statuses: SloStatus[]): Promise<void> {
    const byRef = new Map(statuses.map(s => [s.ref, s]));
    const rows = (good: boolean) =>
      [...byRef.values()]
        .filter(s => (s.state !== 'error') === good)
        .map(s => {
          const json = JSON.stringify(s);
          const at = new Date(s.evaluatedAt);
          return {
            slo_ref: s.ref,
            entity_ref: s.entityRef,
            status: json,
            evaluated_at: at,
            ...(good && { last_good: json, last_success_at: at }),
          };
        });
    for (const good of [true, false]) {
      const columns = ['entity_ref', 'status', 'evaluated_at'];
      if (good) columns.push('last_good', 'last_success_at');
      for (const part of chunks(rows(good))) {
        await this.db('ops_slo_status')
          .insert(part)
          .onConflict('slo_ref')
          .merge(columns);
      }
    }
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

  setDailyExclusions(exclusions: SloDailyExclusion[]): Promise<Set<string>> {
    return setDailyExclusions(this.db, exclusions);
  }

  summarizeDaily(
    sloRefs: string[],
    range: DailySummaryRange,
  ): Promise<Map<string, DailySummary>> {
    return summarizeDailyRows(this.db, sloRefs, range);
  }

  addHistoryPoint(
    sloRef: string,
    point: SloHistoryPoint,
    slotSeconds: number,
  ): Promise<void> {
    return this.addHistoryPoints([{ sloRef, point }], slotSeconds);
  }

  async addHistoryPoints(
    points: SloHistoryEntry[],
    slotSeconds: number,
  ): Promise<void> {
    const slotMs = slotSeconds * 1000;
    // One row per SLO and slot: PostgreSQL refuses to upsert a key twice
    // in one statement, and the later point wins anyway.
    const rows = new Map<string, Record<string, unknown>>();
    for (const { sloRef, point } of points) {
      const slot = Math.floor(Date.parse(point.t) / slotMs) * slotMs;
      rows.set(`${sloRef}|${slot}`, {
        slo_ref: sloRef,
        t: new Date(slot),
        remaining_ratio: point.remainingRatio,
        sli_ratio: point.sliRatio,
      });
    }
    for (const part of chunks([...rows.values()])) {
      await this.db('ops_slo_history')
        .insert(part)
        .onConflict(['slo_ref', 't'])
        .merge(['remaining_ratio', 'sli_ratio']);
    }
  }

  async getHistory(
    sloRef: string,
    from: Date,
    to: Date,
  ): Promise<SloHistoryPoint[]> {
    return (await this.getHistories([sloRef], from, to)).get(sloRef) ?? [];
  }

  async getHistories(
    sloRefs: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, SloHistoryPoint[]>> {
    const out = new Map<string, SloHistoryPoint[]>();
    for (const refs of chunks(sloRefs)) {
      const rows = await this.db('ops_slo_history')
        .whereIn('slo_ref', refs)
        .andWhere('t', '>=', from)
        .andWhere('t', '<=', to)
        .orderBy(['slo_ref', 't']);
      for (const r of rows) {
        appendTo(out, r.slo_ref, {
          t: toDate(r.t).toISOString(),
          remainingRatio:
            r.remaining_ratio === null ? null : Number(r.remaining_ratio),
          sliRatio: r.sli_ratio === null ? null : Number(r.sli_ratio),
        });
      }
    }
    return out;
  }

  async prune(before: Date): Promise<void> {
    await this.db('ops_slo_history').where('t', '<', before).delete();
    await pruneDailyRows(this.db, before);
  }
}
