import { Knex } from 'knex';
import { chunks } from '../../database/util';
import {
  DayKey,
  MonthDeltas,
  addToMonths,
  dayKeyOf,
  forgetMonthsBefore,
  sumMissingMonths,
} from './monthlyRollupTable';

/**
 * Every statement on `ops_slo_daily`, the daily rollups: the evaluator
 * writes a row per SLO and settled UTC day, the burn-down reads them back by
 * day. Each statement that changes rows brings their months in
 * `ops_slo_monthly`, which the report reads, up to date in its transaction.
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

/** A day's counts less what corrections removed: what it adds to its month. */
const netOf = (r: SloDailyRow) => ({
  good: r.good - (r.excludedGood ?? 0),
  total: r.total - (r.excludedTotal ?? 0),
});

const withNet = (r: SloDailyRow) => ({
  sloRef: r.sloRef,
  day: r.day,
  ...netOf(r),
});

/**
 * The stored rows of some days (one chunk), locked on PostgreSQL until the
 * transaction ends, so that what the writes change in their months
 * (`MonthDeltas`) is measured from the values they replace. A join on the
 * keys' VALUES, probing the primary key per key: PostgreSQL plans
 * `(slo_ref, day) in (…)` of 200 pairs in about 7 ms, and while the table
 * grows faster than its statistics (a first round's backfill) it scanned
 * the whole table for the join instead (seq scans are off for the rest of
 * the chunk's transaction, which only inserts and updates by key).
 */
async function lockDays(tx: Knex, keys: DayKey[]): Promise<SloDailyRow[]> {
  if (keys.length === 0) return [];
  if (tx.client.config.client === 'pg') {
    await tx.raw('set local enable_seqscan = off');
  }
  const values = keys.map(() => '(?, ?)').join(', ');
  const rows = await tx(`${TABLE} as d`)
    .select('d.*')
    .join(
      tx.raw(
        `(values ${values}) as k`,
        keys.flatMap(k => [k.sloRef, k.day]),
      ),
      join => join.on('d.slo_ref', 'k.column1').andOn('d.day', 'k.column2'),
    )
    .orderBy(['d.slo_ref', 'd.day'])
    .forUpdate('d');
  return rows.map(r => ({
    sloRef: r.slo_ref,
    day: r.day,
    good: Number(r.good),
    total: Number(r.total),
    excludedGood: Number(r.excluded_good),
    excludedTotal: Number(r.excluded_total),
  }));
}

/**
 * Inserts rows, replacing the stored ones of the same SLO and day; one
 * transaction per chunk, which adds the change to the chunk's months.
 */
export async function upsertDailyRows(
  db: Knex,
  rows: SloDailyRow[],
): Promise<void> {
  const now = new Date();
  const values = (part: SloDailyRow[]) =>
    part.map(r => ({
      slo_ref: r.sloRef,
      day: r.day,
      good: r.good,
      total: r.total,
      excluded_good: r.excludedGood ?? 0,
      excluded_total: r.excludedTotal ?? 0,
      updated_at: now,
    }));
  for (const part of chunks(rows)) {
    await db.transaction(async tx => {
      // New days (all of a backfill's) are inserted first, leaving stored
      // ones, so that only those are read before they are replaced. Days
      // given twice take the upsert below, as they did before the months.
      const repeats = new Set(part.map(dayKeyOf)).size < part.length;
      const inserted = repeats
        ? []
        : await tx(TABLE)
            .insert(values(part))
            .onConflict(['slo_ref', 'day'])
            .ignore()
            .returning(['slo_ref', 'day']);
      const isNew = new Set(
        inserted.map((r: { slo_ref: string; day: string }) =>
          dayKeyOf({ sloRef: r.slo_ref, day: r.day }),
        ),
      );
      const replaced = part.filter(r => !isNew.has(dayKeyOf(r)));
      const deltas = new MonthDeltas(
        (await lockDays(tx, replaced)).map(withNet),
      );
      for (const r of part) deltas.set(r, netOf(r));
      if (replaced.length > 0) {
        await tx(TABLE)
          .insert(values(replaced))
          .onConflict(['slo_ref', 'day'])
          .merge([
            'good',
            'total',
            'excluded_good',
            'excluded_total',
            'updated_at',
          ]);
      }
      await addToMonths(tx, deltas.changed());
    });
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
  for (const part of chunks(exclusions)) {
    await db.transaction(async tx => {
      const stored = new Map(
        (await lockDays(tx, part)).map(r => [dayKeyOf(r), r]),
      );
      const deltas = new MonthDeltas([...stored.values()].map(withNet));
      const changed: string[] = [];
      for (const e of part) {
        const row = stored.get(dayKeyOf(e));
        if (!row) continue;
        await tx(TABLE).where({ slo_ref: e.sloRef, day: e.day }).update({
          excluded_good: e.excludedGood,
          excluded_total: e.excludedTotal,
          updated_at: now,
        });
        deltas.set(e, netOf({ ...row, ...e }));
        changed.push(dayKeyOf(e));
      }
      await addToMonths(tx, deltas.changed());
      for (const key of changed) updated.add(key);
    });
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

/** Deletes the days before the UTC day of `before`, and their months. */
export async function pruneDailyRows(db: Knex, before: Date): Promise<void> {
  const day = before.toISOString().slice(0, 10);
  await db.transaction(async tx => {
    await forgetMonthsBefore(tx, day);
    await tx(TABLE).where('day', '<', day).delete();
    await sumMissingMonths(tx, day.slice(0, 7));
  });
}
