import { Knex } from 'knex';
import { chunks } from '../../database/util';
import {
  bumpMonths,
  bumpMonthsBefore,
  dropMonthsBefore,
  monthsOf,
} from './monthlyRollupTable';

/**
 * Every statement on `ops_slo_daily`, the daily rollups: the evaluator
 * writes a row per SLO and settled UTC day, the burn-down reads them back by
 * day. Each call that changes rows marks their months as changed in its
 * transaction, for the report's monthly sums (`monthlyRollupTable.ts`).
 */

/** Good and total of one SLO on one UTC day. */
export interface SloDailyRow {
  sloRef: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  good: number;
  total: number;
  excludedGood?: number;
  excludedTotal?: number;
}

const TABLE = 'ops_slo_daily';

/** A day's good and total less what corrections excluded: what counts. */
export function countedOf(row: SloDailyRow): { good: number; total: number } {
  return {
    good: row.good - (row.excludedGood ?? 0),
    total: row.total - (row.excludedTotal ?? 0),
  };
}

/**
 * Inserts rows, replacing the stored ones of the same SLO and day, in one
 * transaction with their months marked as changed.
 */
export async function upsertDailyRows(
  db: Knex,
  rows: SloDailyRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const now = new Date();
  await db.transaction(async tx => {
    for (const part of chunks(rows)) {
      await tx(TABLE)
        .insert(
          part.map(r => ({
            slo_ref: r.sloRef,
            day: r.day,
            good: r.good,
            total: r.total,
            excluded_good: r.excludedGood ?? 0,
            excluded_total: r.excludedTotal ?? 0,
            updated_at: now,
          })),
        )
        .onConflict(['slo_ref', 'day'])
        .merge([
          'good',
          'total',
          'excluded_good',
          'excluded_total',
          'updated_at',
        ]);
    }
    await bumpMonths(tx, monthsOf(rows.map(r => r.day)));
  });
}

/** What an SLO's corrections remove from one stored day. */
export interface SloDailyExclusion {
  sloRef: string;
  day: string;
  excludedGood: number;
  excludedTotal: number;
}

/**
 * Sets the excluded counts of stored days (corrections, recomputed after
 * one is added or deleted); answers the keys `sloRef|day` of rows that exist.
 */
export async function setDailyExclusions(
  db: Knex,
  exclusions: SloDailyExclusion[],
): Promise<Set<string>> {
  const updated = new Set<string>();
  const now = new Date();
  await db.transaction(async tx => {
    const days: string[] = [];
    for (const e of exclusions) {
      const count = await tx(TABLE)
        .where({ slo_ref: e.sloRef, day: e.day })
        .update({
          excluded_good: e.excludedGood,
          excluded_total: e.excludedTotal,
          updated_at: now,
        });
      if (count > 0) {
        updated.add(`${e.sloRef}|${e.day}`);
        days.push(e.day);
      }
    }
    await bumpMonths(tx, monthsOf(days));
  });
  return updated;
}

/** The rows of the given SLOs from `fromDay` to `toDay` inclusive. */
export async function readDailyRows(
  db: Knex,
  sloRefs: string[],
  fromDay: string,
  toDay: string,
): Promise<SloDailyRow[]> {
  const out: SloDailyRow[] = [];
  for (const refs of chunks(sloRefs)) {
    const rows = await db(TABLE)
      .whereIn('slo_ref', refs)
      .andWhere('day', '>=', fromDay)
      .andWhere('day', '<=', toDay)
      .orderBy(['slo_ref', 'day']);
    out.push(
      ...rows.map(r => ({
        sloRef: r.slo_ref,
        day: r.day,
        good: Number(r.good),
        total: Number(r.total),
        excludedGood: Number(r.excluded_good),
        excludedTotal: Number(r.excluded_total),
      })),
    );
  }
  return out;
}

/** Which days of some SLOs to summarize: see `summarizeDailyRows`. */
export interface DailySummaryRange {
  /** First and last day of which rows are counted, inclusive. */
  fromDay: string;
  toDay: string;
  /** Days summed into `days`, inclusive; none when absent. */
  sumFrom?: string;
  sumTo?: string;
  /** The day returned as `head`. */
  headDay?: string;
}

/** What `summarizeDailyRows` answers per SLO. */
export interface DailySummary {
  /** Rows stored from `fromDay` to `toDay`. */
  rows: number;
  days: { good: number; total: number };
  head?: { good: number; total: number };
}

/**
 * Per SLO, the number of stored rows in a range and the sums a round needs,
 * added up in the database: a steady round reads one row per SLO, not one
 * per SLO and day (60 days of 30,000 SLOs are 1.8 million rows).
 */
export async function summarizeDailyRows(
  db: Knex,
  sloRefs: string[],
  range: DailySummaryRange,
): Promise<Map<string, DailySummary>> {
  const { fromDay, toDay, sumFrom, sumTo, headDay } = range;
  const sumOf = (column: string) =>
    sumFrom && sumTo
      ? db.raw(`sum(case when day >= ? and day <= ? then ?? else 0 end)`, [
          sumFrom,
          sumTo,
          column,
        ])
      : db.raw('0');
  const headOf = (column: string) =>
    headDay
      ? db.raw(`sum(case when day = ? then ?? else 0 end)`, [headDay, column])
      : db.raw('0');
  const out = new Map<string, DailySummary>();
  for (const refs of chunks(sloRefs, 1000)) {
    const rows = await db(TABLE)
      .select(
        'slo_ref',
        db.raw('count(*) as n'),
        db.raw('? as good', [sumOf('good')]),
        db.raw('? as total', [sumOf('total')]),
        db.raw('? as head_good', [headOf('good')]),
        db.raw('? as head_total', [headOf('total')]),
        headDay
          ? db.raw('sum(case when day = ? then 1 else 0 end) as head_rows', [
              headDay,
            ])
          : db.raw('0 as head_rows'),
      )
      .whereIn('slo_ref', refs)
      .andWhere('day', '>=', fromDay)
      .andWhere('day', '<=', toDay)
      .groupBy('slo_ref');
    for (const r of rows) {
      out.set(r.slo_ref, {
        rows: Number(r.n),
        days: { good: Number(r.good), total: Number(r.total) },
        ...(Number(r.head_rows) > 0 && {
          head: { good: Number(r.head_good), total: Number(r.head_total) },
        }),
      });
    }
  }
  return out;
}

/** Deletes the days before the UTC day of `before`, marking their months. */
export async function pruneDailyRows(db: Knex, before: Date): Promise<void> {
  const day = before.toISOString().slice(0, 10);
  await db.transaction(async tx => {
    await bumpMonthsBefore(tx, day);
    await tx(TABLE).where('day', '<', day).delete();
    await dropMonthsBefore(tx, day.slice(0, 7));
  });
}
