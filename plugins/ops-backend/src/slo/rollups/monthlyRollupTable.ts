import { Knex } from 'knex';

/**
 * Every statement on `ops_slo_monthly`: per SLO and UTC month, the sums of
 * its rows in `ops_slo_daily`. The statements that change daily rows
 * (dailyRollupTable.ts) add what they changed to the months in their own
 * transaction (pruning sums the cut month again), so the report reads a year
 * of months instead of summing a year of days (11 million rows at 30,000
 * SLOs).
 */

/** Sums of an SLO's stored days in one month. */
export interface MonthTotals {
  good: number;
  total: number;
  days: number;
}

/** SLO ref → `YYYY-MM` → totals. */
export type MonthlyTotals = Map<string, Map<string, MonthTotals>>;

const TABLE = 'ops_slo_monthly';

// `day` is YYYY-MM-DD text: its first 7 characters are the month, and a
// month's days compare as text between `-01` and `-31` on both databases.
// Sums are less what corrections removed (setDailyExclusions).
const SUMS = `insert into ${TABLE} (slo_ref, month, good, total, days, updated_at)
  select slo_ref, substr(day, 1, 7), sum(good - excluded_good),
    sum(total - excluded_total), count(*), ?
  from ops_slo_daily`;

/** Some days of some SLOs. */
export interface DayKey {
  sloRef: string;
  day: string;
}

/** What a stored day adds to its month: its counts less the excluded. */
export interface DayNet {
  good: number;
  total: number;
}

/** A change to add to an SLO's month (`addToMonths`). */
export interface MonthDelta extends MonthTotals {
  sloRef: string;
  month: string;
}

/** `sloRef|day`, a day's key in maps and in `setDailyExclusions`' answer. */
export const dayKeyOf = (k: DayKey) => `${k.sloRef}|${k.day}`;

/**
 * What writing some days changes in their months, from the stored days they
 * replace: one delta per SLO and month, however many of its days a chunk
 * writes (PostgreSQL refuses a key twice in one upsert). Days set twice
 * count once, with the last value, as the daily upsert stores them.
 */
export class MonthDeltas {
  private readonly days = new Map<string, DayNet>();
  private readonly months = new Map<string, MonthDelta>();

  /** `stored`: the days as read in the writing transaction, before it writes. */
  constructor(stored: Iterable<DayKey & DayNet>) {
    for (const d of stored) {
      this.days.set(dayKeyOf(d), { good: d.good, total: d.total });
    }
  }

  /** The day now adds `net` to its month, instead of what it added, if stored. */
  set(key: DayKey, net: DayNet): void {
    const old = this.days.get(dayKeyOf(key));
    this.days.set(dayKeyOf(key), net);
    const month = key.day.slice(0, 7);
    const monthKey = `${key.sloRef}|${month}`;
    const delta = this.months.get(monthKey) ?? {
      sloRef: key.sloRef,
      month,
      good: 0,
      total: 0,
      days: 0,
    };
    delta.good += net.good - (old?.good ?? 0);
    delta.total += net.total - (old?.total ?? 0);
    delta.days += old ? 0 : 1;
    this.months.set(monthKey, delta);
  }

  /** The months that changed. */
  changed(): MonthDelta[] {
    return [...this.months.values()].filter(
      d => d.good !== 0 || d.total !== 0 || d.days !== 0,
    );
  }
}

/**
 * Adds the deltas of one chunk of days to their months in one upsert, in
 * the transaction that wrote the days: a month row per SLO and month
 * written, where summing the months again read all their days.
 *
 * Concurrent writers: the delta is added to the row as committed when the
 * upsert locks it, so writers of different days of one SLO and month both
 * count. Of one day, the writer that inserts it counts it as new; another
 * waits for its commit, finds it stored and reads it `for update` before
 * replacing it (dailyRollupTable.ts), as a correction's exclusions do, so
 * each delta starts from the value the other left. Only a call that gives
 * a day twice skips that first insert.
 *
 * Counts are doubles (Prometheus' increase() extrapolates), and a month
 * kept by deltas may differ from a sum of its days in the last bits: the
 * tests allow a relative 1e-9.
 */
export async function addToMonths(
  db: Knex,
  deltas: MonthDelta[],
): Promise<void> {
  if (deltas.length === 0) return;
  const now = new Date();
  const added = (column: string) =>
    db.raw('?? + ??', [`${TABLE}.${column}`, `excluded.${column}`]);
  await db(TABLE)
    .insert(
      deltas.map(d => ({
        slo_ref: d.sloRef,
        month: d.month,
        good: d.good,
        total: d.total,
        days: d.days,
        updated_at: now,
      })),
    )
    .onConflict(['slo_ref', 'month'])
    .merge({
      good: added('good'),
      total: added('total'),
      days: added('days'),
      updated_at: db.raw('??', ['excluded.updated_at']),
    });
}

/**
 * Before the days before `day` are deleted: deletes the months before its
 * month, and its month of the SLOs with days before `day` in it, which
 * `sumMissingMonths` sums again once the days are gone.
 */
export async function forgetMonthsBefore(db: Knex, day: string): Promise<void> {
  const month = day.slice(0, 7);
  await db(TABLE)
    .where('month', '<', month)
    .orWhere(q =>
      q
        .where('month', month)
        .whereIn(
          'slo_ref',
          db('ops_slo_daily')
            .select('slo_ref')
            .where('day', '>=', `${month}-01`)
            .andWhere('day', '<', day),
        ),
    )
    .delete();
}

/** Sums `month` for the SLOs with days in it but no monthly row. */
export async function sumMissingMonths(db: Knex, month: string): Promise<void> {
  await db.raw(
    `${SUMS} d where day >= ? and day <= ? and not exists (
       select 1 from ${TABLE} m where m.slo_ref = d.slo_ref and m.month = ?)
     group by slo_ref, substr(day, 1, 7)`,
    [new Date(), `${month}-01`, `${month}-31`, month],
  );
}

/**
 * Every SLO's monthly sums from `fromMonth` to `toMonth` inclusive: a year
 * of 30,000 SLOs is 360,000 rows of this table, not 11 million days.
 */
export async function sumMonths(
  db: Knex,
  fromMonth: string,
  toMonth: string,
): Promise<MonthlyTotals> {
  const rows = await db(TABLE)
    .select('slo_ref', 'month', 'good', 'total', 'days')
    .where('month', '>=', fromMonth)
    .andWhere('month', '<=', toMonth);
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
