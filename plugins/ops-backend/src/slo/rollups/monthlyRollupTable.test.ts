import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/ops-test-utils';
import { Knex } from 'knex';
import path from 'path';
import { DatabaseSloStore } from '../../database/DatabaseSloStore';
import { toDate } from '../../database/util';
import { SloDailyRow } from './dailyRollupTable';
import { DatabaseMonthlyRollups } from './MonthlyRollups';
import { monthsOf } from './monthlyRollupTable';
import { sumMonths } from './__testUtils__/sumMonths';
import {
  counts,
  expectTotals,
  generate,
  keyOf,
  plain,
  random,
  shuffled,
  summed,
} from './__testUtils__/generatedDays';

const databases = createTestDatabases();
const migrations = path.resolve(__dirname, '../../../migrations');
const MIGRATION = '20261207090000_slo_monthly.js';

/** The statements matching `pattern` run while `fn` runs, and its result. */
async function statements<T>(
  knex: Knex,
  pattern: RegExp,
  fn: () => Promise<T>,
): Promise<{ sql: string[]; result: T }> {
  const sql: string[] = [];
  const listener = (q: { sql: string }) => {
    if (pattern.test(q.sql)) sql.push(q.sql);
  };
  knex.on('query', listener);
  try {
    return { result: await fn(), sql };
  } finally {
    knex.off('query', listener);
  }
}

/** Months summed again while `fn` runs: statements reading the days. */
const dailyStatements = <T>(knex: Knex, fn: () => Promise<T>) =>
  statements(knex, /ops_slo_daily/, fn);

describe.each(databases.eachSupportedId())('ops_slo_monthly on %s', id => {
  async function expectMonths(knex: Knex, stored: Map<string, SloDailyRow>) {
    expectTotals(await sumMonths(knex, '2000-01', '2100-12'), summed(stored));
    // A range answers its months only.
    const inRange = new Map(
      [...stored].filter(([, r]) => r.day >= '2026-02' && r.day < '2026-04'),
    );
    expectTotals(await sumMonths(knex, '2026-02', '2026-03'), summed(inRange));
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
    // Months wholly pruned leave neither sums nor state behind, even unread.
    await prune('2026-04-01T00:00:00Z');
    for (const table of ['ops_slo_monthly', 'ops_slo_month_state']) {
      expect(
        await knex(table).where('month', '<', '2026-04').select('month'),
      ).toEqual([]);
    }
    expect((await knex('ops_slo_month_state').pluck('month')).sort()).toEqual(
      monthsOf([...stored.values()].map(r => r.day)),
    );
    await expectMonths(knex, stored);
  });

  it('sums again, on read, only the months whose days changed', async () => {
    const next = random(17);
    const knex = await databases.init(id);
    const store = await DatabaseSloStore.create({
      database: mockServices.database({ knex }),
    });
    const stored = new Map<string, SloDailyRow>();
    const rows = generate(next);
    // A write costs one statement on the months, whatever its days span.
    const write = await statements(knex, /ops_slo_month/, () =>
      store.upsertDaily(rows),
    );
    expect(write.sql).toEqual([expect.stringMatching(/ops_slo_month_state/)]);
    for (const r of rows) stored.set(keyOf(r), r);

    const first = await dailyStatements(knex, () =>
      sumMonths(knex, '2000-01', '2100-12'),
    );
    expect(first.sql).toHaveLength(4);
    expect(plain(first.result)).toEqual(plain(summed(stored)));
    const again = await dailyStatements(knex, () =>
      sumMonths(knex, '2000-01', '2100-12'),
    );
    expect(again.sql).toEqual([]);
    expect(plain(again.result)).toEqual(plain(summed(stored)));

    const summedAt = async () =>
      new Map(
        (await knex('ops_slo_monthly').select('month', 'updated_at')).map(r => [
          r.month,
          toDate(r.updated_at).getTime(),
        ]),
      );
    const before = await summedAt();
    await new Promise(resolve => setTimeout(resolve, 20));
    // A day of March written again, a correction of a day of February.
    const march = [...stored.values()].find(r => r.day.startsWith('2026-03'))!;
    const day = counts(next, march.sloRef, march.day);
    await store.upsertDaily([day]);
    stored.set(keyOf(day), day);
    const feb = [...stored.values()].find(r => r.day.startsWith('2026-02'))!;
    const fix = { ...feb, excludedGood: 3, excludedTotal: 5 };
    await store.setDailyExclusions([fix]);
    stored.set(keyOf(fix), fix);

    const year = await dailyStatements(knex, () =>
      sumMonths(knex, '2026-03', '2026-12'),
    );
    expect(year.sql).toHaveLength(1);
    const after = await summedAt();
    expect(after.get('2026-03')).toBeGreaterThan(before.get('2026-03')!);
    for (const month of ['2026-01', '2026-02', '2026-04']) {
      expect(after.get(month)).toBe(before.get(month));
    }
    const all = await dailyStatements(knex, () =>
      sumMonths(knex, '2000-01', '2100-12'),
    );
    expect(all.sql).toHaveLength(1);
    expect(plain(all.result)).toEqual(plain(summed(stored)));
    expect((await summedAt()).get('2026-01')).toBe(before.get('2026-01'));
  });

  it('adds fractional counts of days written again and again, with corrections between', async () => {
    const next = random(5);
    const knex = await databases.init(id);
    const store = await DatabaseSloStore.create({
      database: mockServices.database({ knex }),
    });
    // Counts as Prometheus' increase() gives them: not whole, and large.
    const fraction = (r: SloDailyRow) => {
      const f = 1e6 + next() * 1e3;
      return { ...r, good: r.good * f, total: r.total * f };
    };
    const days = generate(next).map(fraction);
    const stored = new Map<string, SloDailyRow>();
    for (let round = 0; round < 4; round++) {
      // Each call holds some days written before, in chunks of 200.
      const batch = shuffled(days, next)
        .slice(0, 300)
        .map(r => fraction(counts(next, r.sloRef, r.day)));
      const again = batch.filter(r => stored.has(keyOf(r))).length;
      expect(round === 0 ? again === 0 : again > 50).toBe(true);
      await store.upsertDaily(batch);
      for (const r of batch) stored.set(keyOf(r), r);
      const exclusions = shuffled([...stored.values()], next)
        .slice(0, 60)
        .map(r => ({
          sloRef: r.sloRef,
          day: r.day,
          excludedGood: next() * r.good,
          excludedTotal: next() * r.total,
        }));
      await store.setDailyExclusions(exclusions);
      for (const e of exclusions) {
        stored.set(keyOf(e), { ...stored.get(keyOf(e))!, ...e });
      }
      await expectMonths(knex, stored);
    }
  });

  it('keeps a day given twice in one call as the daily upsert does: the last one (SQLite), refused (PostgreSQL)', async () => {
    const next = random(13);
    const knex = await databases.init(id);
    const store = await DatabaseSloStore.create({
      database: mockServices.database({ knex }),
    });
    const first = generate(next).slice(0, 40);
    await store.upsertDaily(first);
    const [a, b] = first;
    const twice = [
      counts(next, a.sloRef, a.day),
      counts(next, b.sloRef, '2026-05-02'),
      counts(next, a.sloRef, a.day),
      counts(next, b.sloRef, '2026-05-02'),
    ];
    const stored = new Map(first.map(r => [keyOf(r), r]));
    const outcome = await store.upsertDaily(twice).then(
      () => 'stored',
      () => 'refused',
    );
    expect(outcome).toBe(id.startsWith('POSTGRES') ? 'refused' : 'stored');
    if (outcome === 'stored') for (const r of twice) stored.set(keyOf(r), r);
    const read = await store.getDaily(
      [a.sloRef, b.sloRef],
      '2026-01-01',
      '2026-12-31',
    );
    expect(new Map(read.map(r => [keyOf(r), r]))).toEqual(
      new Map(
        [...stored].filter(([, r]) => [a.sloRef, b.sloRef].includes(r.sloRef)),
      ),
    );
    await expectMonths(knex, stored);
  });

  it('fills both tables from the days stored before the migration, and drops them on down', async () => {
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
    // Every month is summed, and marked so: the first read sums no day.
    expect(await knex('ops_slo_month_state').orderBy('month')).toEqual(
      ['2026-01', '2026-02', '2026-03', '2026-04'].map(month => ({
        month,
        version: 1,
        summed_version: 1,
      })),
    );
    const read = await dailyStatements(knex, () =>
      sumMonths(knex, '2000-01', '2100-12'),
    );
    expect(read.sql).toEqual([]);
    expect(plain(read.result)).toEqual(
      plain(summed(new Map(rows.map(r => [keyOf(r), r])))),
    );

    await knex.migrate.down({ directory: migrations, name: MIGRATION });
    expect(await knex.schema.hasTable('ops_slo_monthly')).toBe(false);
    expect(await knex.schema.hasTable('ops_slo_month_state')).toBe(false);
    const [{ n }] = await knex('ops_slo_daily').count({ n: '*' });
    expect(Number(n)).toBe(rows.length);
  });
});
