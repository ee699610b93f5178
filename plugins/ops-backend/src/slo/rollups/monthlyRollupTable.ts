import { Knex } from 'knex';

/**
 * Every statement on `ops_slo_monthly`: per SLO and UTC month, the sums of
 * its rows in `ops_slo_daily`. The statements that change daily rows
 * (dailyRollupTable.ts) recompute the months they touched in their own
 * transaction, so the report reads a year of months instead of summing a
 * year of days (11 million rows at 30,000 SLOs).
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

/** Some days of some SLOs: only their SLO and month matter here. */
export interface DayKey {
  sloRef: string;
  day: string;
}

/**
 * Recomputes, from their daily rows, the months of the SLOs and days given,
 * in one upsert: each touched SLO and month reads at most 31 rows by the
 * daily table's primary key, whatever else the day or SLO holds. Called
 * with one chunk of rows (`chunks`), so its bindings stay few. An SLO's days
 * are written by its shard's round alone: on PostgreSQL, two transactions
 * writing other days of one SLO and month at once could each miss the
 * other's day.
 */
export async function refreshMonths(db: Knex, keys: DayKey[]): Promise<void> {
  const byMonth = new Map<string, Set<string>>();
  for (const { sloRef, day } of keys) {
    const month = day.slice(0, 7);
    const refs = byMonth.get(month) ?? new Set<string>();
    refs.add(sloRef);
    byMonth.set(month, refs);
  }
  if (byMonth.size === 0) return;
  const where: string[] = [];
  const bindings: Knex.RawBinding[] = [new Date()];
  for (const [month, refs] of byMonth) {
    where.push(
      `(day >= ? and day <= ? and slo_ref in (${[...refs]
        .map(() => '?')
        .join(', ')}))`,
    );
    bindings.push(`${month}-01`, `${month}-31`, ...refs);
  }
  await db.raw(
    `${SUMS} where ${where.join(' or ')}
     group by slo_ref, substr(day, 1, 7)
     on conflict (slo_ref, month) do update set good = excluded.good,
       total = excluded.total, days = excluded.days,
       updated_at = excluded.updated_at`,
    bindings,
  );
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
