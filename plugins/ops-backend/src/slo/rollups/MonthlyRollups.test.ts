import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/ops-test-utils';
import { Knex } from 'knex';
import { DatabaseSloStore } from '../../database/DatabaseSloStore';
import { SloDailyRow } from './dailyRollupTable';
import { DatabaseMonthlyRollups } from './MonthlyRollups';
import {
  counts,
  expectTotals,
  generate,
  keyOf,
  random,
  summed,
} from './__testUtils__/generatedDays';

const databases = createTestDatabases();

/** The months each read of `ops_slo_monthly` asked for while `fn` ran. */
async function monthsRead<T>(knex: Knex, fn: () => Promise<T>) {
  const reads: string[][] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => {
    if (/^select .* from [`"]?ops_slo_monthly[`"]? /i.test(q.sql)) {
      reads.push((q.bindings ?? []).map(String).sort());
    }
  };
  knex.on('query', listener);
  try {
    return { result: await fn(), reads };
  } finally {
    knex.off('query', listener);
  }
}

const inMonths = (stored: Map<string, SloDailyRow>, from: string, to: string) =>
  new Map(
    [...stored].filter(
      ([, r]) => r.day.slice(0, 7) >= from && r.day < `${to}~`,
    ),
  );

describe.each(databases.eachSupportedId())(
  'DatabaseMonthlyRollups on %s',
  id => {
    it('reads again only the months whose sums changed since it last read them', async () => {
      const next = random(23);
      const knex = await databases.init(id);
      const database = mockServices.database({ knex });
      const store = await DatabaseSloStore.create({ database });
      const rollups = await DatabaseMonthlyRollups.create({ database });
      const stored = new Map<string, SloDailyRow>();
      const write = async (rows: SloDailyRow[]) => {
        await store.upsertDaily(rows);
        for (const r of rows) stored.set(keyOf(r), r);
      };
      await write(generate(next));

      const first = await monthsRead(knex, () =>
        rollups.totals('2026-01', '2026-04'),
      );
      expect(first.reads).toEqual([
        ['2026-01', '2026-02', '2026-03', '2026-04'],
      ]);
      expectTotals(first.result, summed(stored));

      // A round stores a day of March: another range (not the cached year)
      // reads March alone, and answers the other months as before.
      await write([counts(next, 'slo:default/s-2', '2026-03-14')]);
      const second = await monthsRead(knex, () =>
        rollups.totals('2026-01', '2026-03'),
      );
      expect(second.reads).toEqual([['2026-03']]);
      expectTotals(
        second.result,
        summed(inMonths(stored, '2026-01', '2026-03')),
      );

      // Nothing changed: nothing read; a month without days is not a month.
      const third = await monthsRead(knex, () =>
        rollups.totals('2025-12', '2026-02'),
      );
      expect(third.reads).toEqual([]);
      expectTotals(
        third.result,
        summed(inMonths(stored, '2025-12', '2026-02')),
      );
    });
  },
);
