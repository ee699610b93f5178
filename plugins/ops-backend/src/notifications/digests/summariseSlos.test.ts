import { SloReportItem } from '@unyo/plugin-ops-common';
import { digestPeriod } from './digestPeriod';
import { digestSlo, summariseDigest } from './summariseSlos';

const week = digestPeriod('weekly', new Date('2026-11-30T08:00:00Z'));

/** An SLO of the report with a custom policy: feature freeze below 80 %. */
const item = (name: string, remaining: number): SloReportItem =>
  ({
    ref: `slo:default/${name}`,
    title: name,
    owner: 'group:default/payments',
    state: 'ok',
    policy: 'normal',
    policySet: {
      name: 'strict',
      featureFreezeBelow: 0.8,
      incidentOnlyBelow: 0.2,
    },
    errorBudget: { remainingRatio: remaining },
  } as unknown as SloReportItem);

const point = (t: string, remainingRatio: number | null) => ({
  t,
  remainingRatio,
  sliRatio: null,
});

describe('digestSlo and summariseDigest', () => {
  it('starts from the last point before the period, judges by the SLO’s own policy, ignores points after it', () => {
    const slo = digestSlo(
      item('checkout', 0.7),
      [
        point('2026-11-22T23:50:00Z', 0.85),
        point('2026-11-24T00:00:00Z', null),
        point('2026-11-25T00:00:00Z', 0.7),
        point('2026-11-27T00:00:00Z', 0.9),
        point('2026-11-30T01:00:00Z', 0.1),
      ],
      week,
    );
    // 0.85 → 0.7 crosses the strict set's 0.8; back above it by the end.
    expect(slo.bands).toEqual(['normal', 'feature-freeze', 'normal']);
    expect(slo.consumedRatio).toBeCloseTo(-0.05);
  });

  it('lists as moved only SLOs whose band changed, and as top burners those that lost budget, most first', () => {
    const steady = digestSlo(
      item('steady', 0.9),
      [point('2026-11-24T00:00:00Z', 0.95), point('2026-11-28T00:00:00Z', 0.9)],
      week,
    );
    const falling = digestSlo(
      item('falling', 0.5),
      [point('2026-11-24T00:00:00Z', 0.9), point('2026-11-28T00:00:00Z', 0.5)],
      week,
    );
    const unmeasured = digestSlo(item('unmeasured', 0.9), [], week);
    const summary = summariseDigest([steady, falling, unmeasured], 1);
    expect(summary.moved.map(s => s.title)).toEqual(['falling']);
    expect(summary.topBurners.map(s => s.title)).toEqual(['falling']);
    expect(summariseDigest([steady, falling], 3).topBurners).toHaveLength(2);
    expect(unmeasured.bands).toEqual([]);
  });
});
