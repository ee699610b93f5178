import { Knex } from 'knex';
import { chunks } from '../../database/util';

/**
 * Every statement on `ops_slo_daily`, the daily rollups: the evaluator
 * writes a row per SLO and settled UTC day, the burn-down and the report
 * read them back by day or summed by month.
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

/** Sums of an SLO's stored days in one month. */
export interface MonthTotals {
  good: number;
  total: number;
  days: number;
}

/** SLO ref → `YYYY-MM` → totals. */
export type MonthlyTotals = Map<string, Map<string, MonthTotals>>;

const TABLE = 'ops_slo_daily';

/** Inserts rows, replacing the stored ones of the same SLO and day. */
export async function upsertDailyRows(
  db: Knex,
  rows: SloDailyRow[],
): Promise<void> {
  const now = new Date();
  for (const part of chunks(rows)) {
    await db(TABLE)
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
  for (const e of exclusions) {
    const count = await db(TABLE)
      .where({ slo_ref: e.sloRef, day: e.day })
      .update({
        excluded_good: e.excludedGood,
        excluded_total: e.excludedTotal,
        updated_at: now,
      });
    if (count > 0) updated.add(`${e.sloRef}|${e.day}`);
  }
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

/**
 * Every SLO's monthly sums from `fromMonth` to `toMonth` inclusive, with one
 * grouped query over the primary key (slo_ref, day): a year of 2,000 SLOs is
 * 730,000 rows summed in the database, not in Node.
 */
export async function sumMonths(
  db: Knex,
  fromMonth: string,
  toMonth: string,
): Promise<MonthlyTotals> {
  // `day` is YYYY-MM-DD text: its first 7 characters are the month, and
  // the range compares as text on both SQLite and PostgreSQL.
  const month = db.raw('substr(day, 1, 7)');
  const rows = await db(TABLE)
    .select(
      'slo_ref',
      db.raw('substr(day, 1, 7) as month'),
      // Less what corrections removed (setDailyExclusions).
      db.raw('sum(good - excluded_good) as good'),
      db.raw('sum(total - excluded_total) as total'),
      db.raw('count(*) as days'),
    )
    .where('day', '>=', `${fromMonth}-01`)
    .andWhere('day', '<=', `${toMonth}-31`)
    .groupBy('slo_ref', month);
  const out: MonthlyTotals = new Map();
  for (const row of rows) {
    let months = out.get(row.slo_ref);
    if (!months) {
      months = new Map();
      out.set(row.slo_ref, months);
    }
    months.set(row.month, {
      good: Number(row.good),
      total: Number(row.total),
      days: Number(row.days),
    });
  }
  return out;
}

/** Deletes the days before the UTC day of `before`. */
export async function pruneDailyRows(db: Knex, before: Date): Promise<void> {
  await db(TABLE).where('day', '<', before.toISOString().slice(0, 10)).delete();
}
