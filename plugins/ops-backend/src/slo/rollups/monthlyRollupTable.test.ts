import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/ops-test-utils';
import { Knex } from 'knex';
import path from 'path';
import { DatabaseSloStore } from '../../database/DatabaseSloStore';
import { SloDailyRow } from './dailyRollupTable';
import { DatabaseMonthlyRollups, MonthlyTotals } from './MonthlyRollups';
import { sumMonths } from './monthlyRollupTable';

const databases = createTestDatabases();
const migrations = path.resolve(__dirname, '../../../migrations');
const MIGRATION = '20261207090000_slo_monthly.js';
const DAY_MS = 86_400_000;

/** A seeded generator, so that a failure can be run again. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Days of several SLOs from 2026-01-20 to 2026-04-10, some missing, with
 * random whole counts (summed exactly as doubles); `slo:default/early` only
 * has days before 2026-02-10.
 */
function generate(next: () => number): SloDailyRow[] {
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

function counts(next: () => number, sloRef: string, day: string): SloDailyRow {
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

function shuffled<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The monthly sums of the stored days, summed here one day at a time. */
function summed(stored: Map<string, SloDailyRow>): MonthlyTotals {
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
function plain(totals: MonthlyTotals) {
  return Object.fromEntries(
    [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ref, months]) => [
        ref,
        Object.fromEntries([...months].sort(([a], [b]) => a.localeCompare(b))),
      ]),
  );
}

const keyOf = (r: { sloRef: string; day: string }) => `${r.sloRef}|${r.day}`;

describe.each(databases.eachSupportedId())('ops_slo_monthly on %s', id => {
  async function expectMonths(knex: Knex, stored: Map<string, SloDailyRow>) {
    expect(plain(await sumMonths(knex, '2000-01', '2100-12'))).toEqual(
      plain(summed(stored)),
    );
    // A range answers its months only.
    const inRange = new Map(
      [...stored].filter(([, r]) => r.day >= '2026-02' && r.day < '2026-04'),
    );
    expect(plain(await sumMonths(knex, '2026-02', '2026-03'))).toEqual(
      plain(summed(inRange)),
    );
  }

  it('sums the stored days per month through upserts, corrections and pruning', async () => {
    const next = random(7);
    const knex = await databases.init(id);
    const database = mockServices.database({ knex });
    const store = await DatabaseSloStore.create({ database });
    const stored = new Map<string, SloDailyRow>();
    const write = async (rows: SloDailyRow[]) => {
      await store.upsertDaily(rows);
      for (const r of rows) stored.set(keyOf(r), r);
    };

    const rows = generate(next);
    expect(rows.length).toBeGreaterThan(400);
    await write(shuffled(rows, next));
    await expectMonths(knex, stored);
    const rollups = await DatabaseMonthlyRollups.create({ database });
    expect(plain(await rollups.totals('2000-01', '2100-12'))).toEqual(
      plain(summed(stored)),
    );

    // Settled days written again with new counts, and new days.
    const again = shuffled([...stored.values()], next)
      .slice(0, 150)
      .map(r => counts(next, r.sloRef, r.day));
    const added = ['2026-04-11', '2026-05-01'].map(day =>
      counts(next, 'slo:default/s-0', day),
    );
    await write([...again, ...added]);
    await expectMonths(knex, stored);

    // Corrections set exclusions of stored days; days not stored stay so.
    const exclusions = shuffled([...stored.values()], next)
      .slice(0, 250)
      .map(r => ({
        sloRef: r.sloRef,
        day: r.day,
        excludedGood: Math.floor(next() * r.good),
        excludedTotal: Math.floor(next() * r.total),
      }));
    const missing = {
      sloRef: 'slo:default/early',
      day: '2026-03-05',
      excludedGood: 1,
      excludedTotal: 1,
    };
    const updated = await store.setDailyExclusions([...exclusions, missing]);
    expect([...updated].sort()).toEqual(exclusions.map(keyOf).sort());
    for (const e of exclusions) {
      stored.set(keyOf(e), { ...stored.get(keyOf(e))!, ...e });
    }
    await expectMonths(knex, stored);

    // January goes, February partly; `early` has no day of February left.
    const prune = async (before: string) => {
      await store.prune(new Date(before));
      for (const [key, r] of stored) {
        if (r.day < before.slice(0, 10)) stored.delete(key);
      }
    };
    await prune('2026-02-10T12:00:00Z');
    expect([...stored.values()].some(r => r.day.startsWith('2026-02'))).toBe(
      true,
    );
    await expectMonths(knex, stored);
    expect(
      (await sumMonths(knex, '2026-01', '2026-12')).has('slo:default/early'),
    ).toBe(false);

    // A cut on the first of a month drops the month before it entirely.
    await prune('2026-03-01T00:00:00Z');
    await expectMonths(knex, stored);
    expect([...(await sumMonths(knex, '2026-01', '2026-02')).keys()]).toEqual(
      [],
    );
  });

  it('writes the months of a chunk of days in one statement, whatever they span', async () => {
    const knex = await databases.init(id);
    const store = await DatabaseSloStore.create({
      database: mockServices.database({ knex }),
    });
    const rows = generate(random(11)).slice(0, 450);
    const writes: string[] = [];
    const listener = (q: { sql: string }) => {
      if (q.sql.includes('ops_slo_monthly')) writes.push(q.sql);
    };
    knex.on('query', listener);
    try {
      await store.upsertDaily(rows);
    } finally {
      knex.off('query', listener);
    }
    // Chunks of 200 days: 3 statements for 450 days over 4 months.
    expect(writes).toHaveLength(3);
    expect(new Set(rows.map(r => r.day.slice(0, 7))).size).toBeGreaterThan(2);
    expect(plain(await sumMonths(knex, '2000-01', '2100-12'))).toEqual(
      plain(summed(new Map(rows.map(r => [keyOf(r), r])))),
    );
  });

  it('fills the table from the days stored before the migration, and drops it on down', async () => {
    const knex = await databases.init(id);
    const [, pending] = await knex.migrate.list({ directory: migrations });
    const names: string[] = pending.map((m: { file: string }) => m.file);
    for (const name of names.slice(0, names.indexOf(MIGRATION))) {
      await knex.migrate.up({ directory: migrations, name });
    }
    expect(await knex.schema.hasTable('ops_slo_monthly')).toBe(false);

    const rows = generate(random(3));
    for (let i = 0; i < rows.length; i += 100) {
      await knex('ops_slo_daily').insert(
        rows.slice(i, i + 100).map(r => ({
          slo_ref: r.sloRef,
          day: r.day,
          good: r.good,
          total: r.total,
          excluded_good: r.excludedGood,
          excluded_total: r.excludedTotal,
          updated_at: new Date(),
        })),
      );
    }
    await knex.migrate.latest({ directory: migrations });
    expect(plain(await sumMonths(knex, '2000-01', '2100-12'))).toEqual(
      plain(summed(new Map(rows.map(r => [keyOf(r), r])))),
    );

    await knex.migrate.down({ directory: migrations, name: MIGRATION });
    expect(await knex.schema.hasTable('ops_slo_monthly')).toBe(false);
    const [{ n }] = await knex('ops_slo_daily').count({ n: '*' });
    expect(Number(n)).toBe(rows.length);
  });
});
