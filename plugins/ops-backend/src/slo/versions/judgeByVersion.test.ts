import { SloVersion } from '@unyo/plugin-ops-common';
import { SloDailyRow } from '../rollups/dailyRollupTable';
import {
  counts,
  dayOf,
  keyOf,
  random,
  summed,
} from '../rollups/__testUtils__/generatedDays';
import { judgeByVersion, judgeMonthByVersion } from './judgeByVersion';

const DAY_MS = 86_400_000;
const MONTH = '2026-03';

/** In-memory versions and days; records which SLOs' days were read. */
function sources(versionsOf: Map<string, SloVersion[]>, rows: SloDailyRow[]) {
  const asked: string[] = [];
  return {
    asked,
    versions: {
      list: async (refs: string[]) =>
        new Map([...versionsOf].filter(([ref]) => refs.includes(ref))),
    },
    daily: {
      getDaily: async (refs: string[], from: string, to: string) => {
        asked.push(...refs);
        return rows.filter(
          r => refs.includes(r.sloRef) && r.day >= from && r.day <= to,
        );
      },
    },
  };
}

/** The monthly sums of the days, less what corrections excluded. */
const monthlyOf = (rows: SloDailyRow[]) =>
  summed(new Map(rows.map(r => [keyOf(r), r])));

/** Matches the same attainment up to rounding (sums added in another order). */
const near = (attainment: number | null) =>
  attainment === null ? null : expect.closeTo(attainment, 12);

function version(n: number, since: number, target: number): SloVersion {
  return {
    version: n,
    since: new Date(since).toISOString(),
    target,
    timeWindow: { duration: '30d', isRolling: true },
    changes: n === 1 ? [] : ['target'],
  };
}

describe('judgeMonthByVersion', () => {
  it.each([
    ['the month so far', '2026-03-20T10:00:00Z', '2026-03-20'],
    ['a past month', '2026-04-02T00:30:00Z', '2026-03-31'],
  ])(
    'judges %s as day by day, reading days only for SLOs whose version changed within it',
    async (_, now, lastDay) => {
      const next = random(11);
      const versionsOf = new Map<string, SloVersion[]>();
      const rows: SloDailyRow[] = [];
      const targets = new Map<string, number>();
      for (let i = 0; i < 60; i++) {
        const ref = `slo:default/s-${i}`;
        targets.set(ref, 0.99);
        // 0–3 versions seen between January and mid-April.
        const sinces = Array.from({ length: Math.floor(next() * 4) }, () =>
          Math.floor(Date.UTC(2026, 0, 1) + next() * 105 * DAY_MS),
        ).sort((a, b) => a - b);
        if (sinces.length) {
          versionsOf.set(
            ref,
            sinces.map((t, k) => version(k + 1, t, 0.95 + next() * 0.049)),
          );
        }
        for (let t = Date.UTC(2026, 2, 1); dayOf(t) <= lastDay; t += DAY_MS) {
          // A few SLOs without traffic at all, some days missing.
          if (i % 13 !== 5 && next() > 0.1)
            rows.push(counts(next, ref, dayOf(t)));
        }
      }
      const source = sources(versionsOf, rows);

      const judged = await judgeMonthByVersion({
        ...source,
        targets,
        totals: monthlyOf(rows),
        month: MONTH,
        now: new Date(now),
      });

      const days: string[] = [];
      for (let t = Date.UTC(2026, 2, 1); dayOf(t) <= lastDay; t += DAY_MS) {
        days.push(dayOf(t));
      }
      expect([...judged.keys()].sort()).toEqual([...versionsOf.keys()].sort());
      const changed: string[] = [];
      for (const [ref, versions] of versionsOf) {
        const expected = judgeByVersion({
          versions,
          rows: rows.filter(r => r.sloRef === ref),
          days,
          fallbackTarget: 0.99,
        });
        if (expected.spans.length > 1) changed.push(ref);
        const actual = judged.get(ref)!;
        expect(actual.target).toBeCloseTo(expected.target, 12);
        expect(actual.spans).toHaveLength(expected.spans.length);
        actual.spans.forEach((span, k) => {
          expect(span).toEqual({
            ...expected.spans[k],
            attainment: near(expected.spans[k].attainment),
          });
        });
      }
      // Both kinds occur, and only the changed SLOs' days were read.
      expect(changed.length).toBeGreaterThan(3);
      expect(versionsOf.size - changed.length).toBeGreaterThan(10);
      expect(source.asked.sort()).toEqual(changed.sort());
    },
  );

  it('judges a month without any version change from its sums, less corrections', async () => {
    const ref = 'slo:default/pay';
    const rows: SloDailyRow[] = [
      { sloRef: ref, day: '2026-03-02', good: 990, total: 1000 },
      {
        sloRef: ref,
        day: '2026-03-03',
        good: 500,
        total: 1000,
        // An incident excluded by a correction.
        excludedGood: 0,
        excludedTotal: 500,
      },
    ];
    const source = sources(
      new Map([[ref, [version(1, Date.UTC(2026, 0, 5), 0.98)]]]),
      rows,
    );
    const judged = await judgeMonthByVersion({
      ...source,
      targets: new Map([[ref, 0.999]]),
      totals: monthlyOf(rows),
      month: MONTH,
      now: new Date('2026-03-04T08:00:00Z'),
    });
    expect(source.asked).toEqual([]);
    expect(judged.get(ref)).toEqual({
      target: 0.98,
      spans: [
        expect.objectContaining({
          version: 1,
          firstDay: '2026-03-01',
          lastDay: '2026-03-04',
          attainment: 1490 / 1500,
          met: true,
        }),
      ],
    });
  });

  it("keeps the catalog's target for a month without traffic", async () => {
    const ref = 'slo:default/quiet';
    const source = sources(
      new Map([[ref, [version(1, Date.UTC(2026, 0, 5), 0.98)]]]),
      [],
    );
    const judged = await judgeMonthByVersion({
      ...source,
      targets: new Map([[ref, 0.999]]),
      totals: new Map(),
      month: MONTH,
      now: new Date('2026-03-04T08:00:00Z'),
    });
    expect(judged.get(ref)).toEqual({
      target: 0.999,
      spans: [expect.objectContaining({ attainment: null, met: null })],
    });
  });
});
