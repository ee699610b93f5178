import { Knex } from 'knex';

/**
 * Every statement on `ops_slo_monthly`, per SLO and UTC month the sums of
 * its rows in `ops_slo_daily`, and on `ops_slo_month_state`, which says
 * whether a month's sums are still those of its days. The statements that
 * change daily rows (dailyRollupTable.ts) only bump their months' `version`,
 * in their own transaction; `summedMonths` sums a month again from its days
 * when its version changed since it was last summed. The report thus reads
 * a year of months instead of summing a year of days (11 million rows at
 * 30,000 SLOs), and a write costs one small statement, not a second row per
 * day written.
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
const STATE = 'ops_slo_month_state';

/** The distinct months (`YYYY-MM`) of some `YYYY-MM-DD` days, sorted. */
export function monthsOf(days: Iterable<string>): string[] {
  return [...new Set([...days].map(day => day.slice(0, 7)))].sort();
}

/**
 * Marks months as changed, creating their state row (never summed) on
 * their first day: one statement, in the transaction of the days' write so
 * that a read seeing the new version also sees the days. Sorted, so that
 * two writers lock the rows in the same order.
 */
export async function bumpMonths(db: Knex, months: string[]): Promise<void> {
  if (months.length === 0) return;
  await db(STATE)
    .insert(months.map(month => ({ month, version: 1, summed_version: 0 })))
    .onConflict('month')
    .merge({ version: db.raw('?? + 1', [`${STATE}.version`]) });
}

/**
 * Marks as changed the months of days about to be deleted before `day`:
 * those from the oldest stored day's (found by the `day` index) to `day`'s.
 */
export async function bumpMonthsBefore(db: Knex, day: string): Promise<void> {
  const [{ first }] = await db('ops_slo_daily')
    .min({ first: 'day' })
    .where('day', '<', day);
  if (!first) return;
  await db(STATE)
    .where('month', '>=', String(first).slice(0, 7))
    .andWhere('month', '<=', day.slice(0, 7))
    .increment('version', 1);
}

/**
 * Drops the sums and state of the months wholly before `month`, whose days
 * pruning has just deleted (in its transaction): the table keeps only
 * months that still have days, instead of growing by a month of every SLO
 * each month.
 */
export async function dropMonthsBefore(db: Knex, month: string) {
  await db(TABLE).where('month', '<', month).delete();
  await db(STATE).where('month', '<', month).delete();
}

/**
 * Sums `month` again for all SLOs from its days, and records `version`, the
 * one read before summing: a write committed during the sum leaves the month
 * marked changed, and the next read sums it again. Two replicas may sum the
 * same month at once; both write the same rows from the same committed
 * days, and on PostgreSQL the second insert of an (SLO, month) the other
 * inserted updates it instead of failing.
 */
async function sumMonth(db: Knex, month: string, version: number) {
  await db.transaction(async tx => {
    await tx(TABLE).where('month', month).delete();
    // `day` is YYYY-MM-DD text: a month's days compare as text between `-01`
    // and `-31` on both databases. Sums are less what corrections removed
    // (setDailyExclusions). A month without days is left without rows.
    await tx.raw(
      `insert into ${TABLE} (slo_ref, month, good, total, days, updated_at)
       select slo_ref, substr(day, 1, 7), sum(good - excluded_good),
         sum(total - excluded_total), count(*), ?
       from ops_slo_daily
       where day >= ? and day <= ?
       group by slo_ref, substr(day, 1, 7)
       on conflict (slo_ref, month) do update set good = excluded.good,
         total = excluded.total, days = excluded.days,
         updated_at = excluded.updated_at`,
      [new Date(), `${month}-01`, `${month}-31`],
    );
    await tx(STATE).where('month', month).update({ summed_version: version });
  });
}

/** A month with days, and the version its stored sums are of. */
export interface SummedMonth {
  month: string;
  version: number;
}

/**
 * The months from `fromMonth` to `toMonth` inclusive that have days, after
 * summing again those whose days changed since they were summed; with the
 * version of the sums now stored, which changes whenever they do. Every
 * month with days has a state row (the migration and `bumpMonths` make it).
 */
export async function summedMonths(
  db: Knex,
  fromMonth: string,
  toMonth: string,
): Promise<SummedMonth[]> {
  const inRange = () =>
    db(STATE).where('month', '>=', fromMonth).andWhere('month', '<=', toMonth);
  const changed = await inRange()
    .select('month', 'version')
    .andWhereRaw('version <> summed_version');
  for (const { month, version } of changed) {
    await sumMonth(db, month, Number(version));
  }
  const rows = await inRange()
    .select('month', 'summed_version')
    .orderBy('month');
  return rows.map(r => ({
    month: r.month,
    version: Number(r.summed_version),
  }));
}

/**
 * The stored sums of some months: month → SLO ref → totals. Given the
 * months of `summedMonths`, which have a state row: a sum written by a read
 * racing the pruning of its month (`dropMonthsBefore`) is not answered.
 */
export async function readMonths(
  db: Knex,
  months: string[],
): Promise<Map<string, Map<string, MonthTotals>>> {
  const out = new Map<string, Map<string, MonthTotals>>(
    months.map(month => [month, new Map()]),
  );
  if (months.length === 0) return out;
  const rows = await db(TABLE)
    .select('slo_ref', 'month', 'good', 'total', 'days')
    .whereIn('month', months);
  for (const row of rows) {
    out.get(row.month)!.set(row.slo_ref, {
      good: Number(row.good),
      total: Number(row.total),
      days: Number(row.days),
    });
  }
  return out;
}

/** Per-month sums (month → SLO → totals) as SLO → month → totals. */
export function bySlo(
  months: Iterable<[string, Map<string, MonthTotals>]>,
): MonthlyTotals {
  const out: MonthlyTotals = new Map();
  for (const [month, sums] of months) {
    for (const [ref, totals] of sums) {
      let of = out.get(ref);
      if (!of) {
        of = new Map();
        out.set(ref, of);
      }
      of.set(month, totals);
    }
  }
  return out;
}
