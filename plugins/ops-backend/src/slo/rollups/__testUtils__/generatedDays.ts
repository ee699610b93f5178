import { SloDailyRow } from '../dailyRollupTable';
import { MonthTotals, MonthlyTotals } from '../monthlyRollupTable';

/** Generated daily rollups and their monthly sums, computed here. */

const DAY_MS = 86_400_000;

/** A seeded generator, so that a failure can be run again. */
export function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

export const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Days of several SLOs from 2026-01-20 to 2026-04-10, some missing, with
 * random whole counts (summed exactly as doubles); `slo:default/early` only
 * has days before 2026-02-10.
 */
export function generate(next: () => number): SloDailyRow[] {
  const rows: SloDailyRow[] = [];
  const refs = Array.from({ length: 6 }, (_, i) => `slo:default/s-${i}`);
  for (const sloRef of [...refs, 'slo:default/early']) {
    const last = sloRef.endsWith('early') ? '2026-02-09' : '2026-04-10';
    for (let t = Date.UTC(2026, 0, 20); dayOf(t) <= last; t += DAY_MS) {
      if (next() < 0.15) continue;
      rows.push(counts(next, sloRef, dayOf(t)));
    }
  }
  return rows;
}

export function counts(
  next: () => number,
  sloRef: string,
  day: string,
): SloDailyRow {
  const total = Math.floor(next() * 100_000);
  const good = total - Math.floor(next() * 500);
  const excluded = next() < 0.2 ? Math.floor(next() * 100) : 0;
  return {
    sloRef,
    day,
    good,
    total,
    excludedGood: excluded / 2,
    excludedTotal: excluded,
  };
}

export function shuffled<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The monthly sums of the stored days, summed here one day at a time. */
export function summed(stored: Map<string, SloDailyRow>): MonthlyTotals {
  const out: MonthlyTotals = new Map();
  for (const r of stored.values()) {
    const months = out.get(r.sloRef) ?? new Map();
    out.set(r.sloRef, months);
    const month = r.day.slice(0, 7);
    const sum = months.get(month) ?? { good: 0, total: 0, days: 0 };
    months.set(month, {
      good: sum.good + r.good - (r.excludedGood ?? 0),
      total: sum.total + r.total - (r.excludedTotal ?? 0),
      days: sum.days + 1,
    });
  }
  return out;
}

/** Totals as sorted plain objects, to compare whatever the row order. */
export function plain(totals: MonthlyTotals) {
  return Object.fromEntries(
    [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ref, months]) => [
        ref,
        Object.fromEntries([...months].sort(([a], [b]) => a.localeCompare(b))),
      ]),
  );
}

export const keyOf = (r: { sloRef: string; day: string }) =>
  `${r.sloRef}|${r.day}`;

/**
 * Expects the months of `expected`, days exactly and counts to a relative
 * 1e-9: the database adds fractional doubles in another order than the
 * test, which may differ in their last bits, where a day counted twice or
 * missed is off by a day's share of the month.
 */
export function expectTotals(actual: MonthlyTotals, expected: MonthlyTotals) {
  const near = (n: number) =>
    expect.closeTo(n, Math.floor(9 - Math.log10(Math.max(Math.abs(n), 1))));
  const months = plain(expected) as Record<string, Record<string, MonthTotals>>;
  for (const ref of Object.keys(months)) {
    for (const [month, t] of Object.entries(months[ref])) {
      months[ref][month] = { ...t, good: near(t.good), total: near(t.total) };
    }
  }
  expect(plain(actual)).toEqual(months);
}
