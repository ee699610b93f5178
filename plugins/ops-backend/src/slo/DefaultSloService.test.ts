import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { DatabaseSloStore } from '../database/DatabaseSloStore';
import { SloDailyRow } from '../database/SloStore';
import { DefaultSloService } from './DefaultSloService';
import { DatabaseMonthlyRollups } from './rollups/MonthlyRollups';
import { createTestDatabases } from '@internal/ops-test-utils';

const databases = createTestDatabases();

function slo(n: number): Entity {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: `svc-${n}-availability`, namespace: 'default' },
    spec: {
      service: `svc-${n}`,
      indicatorRef: 'x',
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
    },
  };
}

/**
 * March 2025 and the days either side of it for SLOs 1..count-1 (SLO 0 has
 * no stored day); SLO n has 1,000 + n events a day and (n + day) % 7 bad.
 */
function days(count: number): SloDailyRow[] {
  const rows: SloDailyRow[] = [];
  for (let n = 1; n < count; n++) {
    for (let t = Date.UTC(2025, 1, 27); t <= Date.UTC(2025, 3, 2); ) {
      const day = new Date(t).toISOString().slice(0, 10);
      const total = 1_000 + n;
      rows.push({
        sloRef: `slo:default/svc-${n}-availability`,
        day,
        good: total - ((n + new Date(t).getUTCDate()) % 7),
        total,
      });
      t += 86_400_000;
    }
  }
  return rows;
}

/** What the month should hold, summed here one day at a time. */
function expected(rows: SloDailyRow[]) {
  const out = new Map<string, { good: number; total: number }>();
  for (const r of rows.filter(x => x.day.startsWith('2025-03'))) {
    const sum = out.get(r.sloRef) ?? { good: 0, total: 0 };
    out.set(r.sloRef, { good: sum.good + r.good, total: sum.total + r.total });
  }
  return out;
}

describe.each(databases.eachSupportedId())(
  'DefaultSloService.report of a month on %s',
  id => {
    async function setup(knex: Knex, count: number) {
      const database = mockServices.database({ knex });
      const store = await DatabaseSloStore.create({ database });
      const rows = days(count);
      await store.upsertDaily(rows);
      const service = new DefaultSloService({
        catalog: catalogServiceMock({
          entities: Array.from({ length: count }, (_, n) => slo(n)),
        }),
        store,
        rollups: await DatabaseMonthlyRollups.create({ database }),
        notEvaluatedMessage: () => 'not evaluated',
        now: () => new Date('2025-06-01T00:00:00Z'),
      });
      return { service, rows };
    }

    /** Statements that read the daily or monthly rollups while `fn` runs. */
    async function rollupQueries(knex: Knex, fn: () => Promise<unknown>) {
      let count = 0;
      const listener = (q: { sql: string }) => {
        if (/ops_slo_(daily|monthly)/.test(q.sql)) count += 1;
      };
      knex.on('query', listener);
      try {
        await fn();
      } finally {
        knex.off('query', listener);
      }
      return count;
    }

    it('reads 3 and 450 SLOs with as few statements on the rollups', async () => {
      const credentials = mockCredentials.user();
      const statements: number[] = [];
      for (const count of [3, 450]) {
        const knex = await databases.init(id);
        const { service } = await setup(knex, count);
        let items: Awaited<ReturnType<typeof service.report>> = [];
        const queries = await rollupQueries(knex, async () => {
          items = await service.report({ month: '2025-03' }, credentials);
        });
        expect(items).toHaveLength(count);
        statements.push(queries);
      }
      // The month, written since last summed, is summed again (delete,
      // insert … select) and read, whatever the SLOs: reading the days in
      // chunks of 200 SLOs took 3 statements for 450 and 1 for 3.
      expect(statements).toEqual([3, 3]);
    });

    it("gives each SLO the sums of its month's days, no-data without any", async () => {
      const knex = await databases.init(id);
      const { service, rows } = await setup(knex, 250);
      const items = await service.report(
        { month: '2025-03' },
        mockCredentials.user(),
      );
      const sums = expected(rows);
      expect(items).toHaveLength(250);
      const [none, ...stored] = items;
      expect(none.ref).toBe('slo:default/svc-0-availability');
      expect(sums.get(none.ref)).toBeUndefined();
      expect(none.state).toBe('no-data');
      expect(none.message).toBe('No stored days for 2025-03');
      for (const item of stored) {
        const sum = sums.get(item.ref)!;
        const n = Number(/svc-(\d+)/.exec(item.ref)![1]);
        expect(item.state).toBe('ok');
        // Only March's 31 days: the days of February and April are left out.
        expect(item.sli?.total).toBe(sum.total);
        expect(item.sli?.total).toBe(31 * (1_000 + n));
        expect(item.sli?.ratio).toBe(sum.good / sum.total);
      }
    });
  },
);
