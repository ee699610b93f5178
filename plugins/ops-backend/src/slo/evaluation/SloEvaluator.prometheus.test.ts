import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import {
  describeWithPrometheus,
  prometheusForSuite,
  startPrometheus,
  TestPrometheus,
  TestSeries,
} from '../../__testUtils__/prometheus';
import { testSloEvaluation } from '../../__testUtils__/sloEvaluation';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Evaluations happen at a fixed instant so the expected figures are exact.
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
const START = NOW - 35 * DAY;

/** A counter whose rate (per second) is given by `rate(t)`, sampled each minute. */
function counter(
  labels: Record<string, string>,
  rate: (t: number) => number,
): TestSeries {
  const samples: Array<[number, number]> = [];
  let value = 0;
  for (let t = START; t <= NOW; t += MINUTE) {
    samples.push([t, value]);
    value += rate(t) * 60;
  }
  return { name: 'http_requests_total', labels, samples };
}

const lastHour = (t: number) => t >= NOW - 60 * MINUTE;

// svc-a: 0.07 % errors → 70 % of a 99.9 % budget used. svc-b: 0.02 %.
// svc-c: 0.01 % errors, then 1.5 % in the last hour: burn rate 15.
const series: TestSeries[] = [
  counter({ service: 'svc-a', code: '200' }, () => 9.993),
  counter({ service: 'svc-a', code: '500' }, () => 0.007),
  counter({ service: 'svc-b', code: '200' }, () => 4.999),
  counter({ service: 'svc-b', code: '500' }, () => 0.001),
  counter({ service: 'svc-c', code: '200' }, t => (lastHour(t) ? 9.85 : 9.999)),
  counter({ service: 'svc-c', code: '500' }, t => (lastHour(t) ? 0.15 : 0.001)),
  // svc-d: up, down for 50 one-minute slices ten days ago.
  {
    name: 'up',
    labels: { service: 'svc-d' },
    samples: (() => {
      const down = Math.floor((NOW - 10 * DAY) / DAY) * DAY + 10 * 60 * MINUTE;
      const out: Array<[number, number]> = [];
      for (let t = START; t <= NOW; t += MINUTE) {
        out.push([t, t >= down && t < down + 50 * MINUTE ? 0 : 1]);
      }
      return out;
    })(),
  },
  // svc-f: a latency histogram with boundaries 0.25, 0.5 and +Inf.
  ...(['0.25', '0.5', '+Inf'] as const).map(le => ({
    ...counter(
      { service: 'svc-f', le },
      () => ({ '0.25': 8, '0.5': 9.9, '+Inf': 10 }[le]),
    ),
    name: 'http_request_duration_seconds_bucket',
  })),
  {
    ...counter({ service: 'svc-f' }, () => 10),
    name: 'http_request_duration_seconds_count',
  },
  // svc-e: 5 % errors during the daily 03:00-04:00 UTC maintenance only.
  counter({ service: 'svc-e', code: '200' }, t =>
    new Date(t).getUTCHours() === 3 ? 9.5 : 10,
  ),
  counter({ service: 'svc-e', code: '500' }, t =>
    new Date(t).getUTCHours() === 3 ? 0.5 : 0,
  ),
];

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/sre',
      lifecycle: 'production',
    },
    relations: [
      { type: 'measuredBy', targetRef: `slo:default/${name}-availability` },
    ],
  };
}

function timesliceSlo(service: string): Entity {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: `${service}-availability`, namespace: 'default' },
    spec: {
      service,
      indicator: {
        metadata: { name: `${service}-up` },
        spec: {
          thresholdMetric: {
            metricSource: {
              type: 'Prometheus',
              spec: { query: `up{service="${service}"}` },
            },
          },
        },
      },
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Timeslices',
      objectives: [
        {
          target: 0.999,
          op: 'gte',
          value: 1,
          timeSliceTarget: 1,
          timeSliceWindow: '1m',
        },
      ],
    },
  };
}

function slo(service: string, source = 'Prometheus'): Entity {
  const metric = (query: string) => ({
    metricSource: { type: source, spec: { query } },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: `${service}-availability`, namespace: 'default' },
    spec: {
      service,
      indicator: {
        metadata: { name: `${service}-sli` },
        spec: {
          ratioMetric: {
            counter: true,
            good: metric(
              `http_requests_total{service="${service}",code!~"5.."}`,
            ),
            total: metric(`http_requests_total{service="${service}"}`),
          },
        },
      },
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.999 }],
    },
  };
}

/** Hand-computed: error share of a constant rate gives the budget use directly. */
function expected(errorsPerSecond: number, totalPerSecond: number) {
  const consumedRatio = errorsPerSecond / totalPerSecond / 0.001;
  return { consumedRatio, remainingRatio: 1 - consumedRatio };
}

function withName(
  entity: Entity,
  name: string,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return { ...entity, metadata: { ...entity.metadata, name, ...extra } };
}

describeWithPrometheus('SloEvaluator against a real Prometheus', () => {
  jest.setTimeout(180_000);
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const prometheus = prometheusForSuite({ series });
  let cut: TestPrometheus | undefined;

  afterAll(async () => {
    await cut?.stop();
  });

  async function setup(entities: Entity[], url: string, knex?: Knex) {
    const db = knex ?? (await databases.init('SQLITE_3'));
    const { store, evaluator, service } = await testSloEvaluation({
      knex: db,
      entities,
      prometheusUrl: url,
      evaluatedAt: NOW,
      readAt: NOW + 10 * MINUTE,
    });
    return { db, store, evaluator, service };
  }

  const entities = ['svc-a', 'svc-b', 'svc-c'].flatMap(s => [
    component(s),
    slo(s),
  ]);
  const credentials = mockServices.auth().getOwnServiceCredentials();

  it('computes SLI, budget, policy and burn rates as computed by hand, also once history is cut', async () => {
    const { db, evaluator, service } = await setup(entities, prometheus.url);
    const round = await evaluator.evaluateAll();
    expect(round.errors).toBe(0);

    const check = async () => {
      const [a] = await service.listForEntity(
        'component:default/svc-a',
        await credentials,
      );
      const [b] = await service.listForEntity(
        'component:default/svc-b',
        await credentials,
      );
      const [c] = await service.listForEntity(
        'component:default/svc-c',
        await credentials,
      );
      for (const [status, want] of [
        [a, expected(0.007, 10)],
        [b, expected(0.001, 5)],
      ] as const) {
        expect(status.state).toBe('ok');
        expect(status.errorBudget!.consumedRatio).toBeCloseTo(
          want.consumedRatio,
          2,
        );
        expect(
          Math.abs(status.errorBudget!.remainingRatio - want.remainingRatio) /
            want.remainingRatio,
        ).toBeLessThan(0.005);
        expect(
          status.sli!.total / (30 * 86400 * (status === a ? 10 : 5)),
        ).toBeCloseTo(1, 2);
      }
      expect(a.policy).toBe('feature-freeze');
      expect(b.policy).toBe('normal');
      // 1.5 % errors over the last hour at 99.9 %: burn 15 over 1h and 5m.
      expect(c.burnRates!['1h']! / 15).toBeCloseTo(1, 2);
      expect(c.burnRates!['5m']! / 15).toBeCloseTo(1, 2);
      expect(c.burnRates!['3d']!).toBeLessThan(1);
      expect(c.burnRateAlerts).toContainEqual({
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        factor: 14.4,
        firing: true,
      });
      expect(a.burnRateAlerts!.every(x => !x.firing)).toBe(true);
      expect(a.allowedDowntimeMinutes).toBeCloseTo(43.2, 6);
      return { a, b, c };
    };
    const before = await check();

    // A Prometheus that keeps only the last 2 days: the stored daily rollups
    // carry the rest of the 30-day window.
    cut = await startPrometheus({
      series: series.map(s => ({
        ...s,
        samples: s.samples.filter(([t]) => t >= NOW - 2 * DAY),
      })),
    });
    const again = await setup(entities, cut.url, db);
    const second = await again.evaluator.evaluateAll();
    expect(second.errors).toBe(0);
    const after = await check();
    expect(after.a.sli!.total / before.a.sli!.total).toBeCloseTo(1, 3);
  });

  it('answers the last values with their age while Prometheus is down, and recovers', async () => {
    const { evaluator, service } = await setup(entities, prometheus.url);
    await evaluator.evaluateAll();
    await prometheus.takeDown();
    try {
      const down = await evaluator.evaluateAll();
      expect(down.errors).toBe(3);
      const [a] = await service.listForEntity(
        'component:default/svc-a',
        await credentials,
      );
      expect(a.state).toBe('error');
      expect(a.message).toMatch(/default/);
      expect(a.errorBudget!.remainingRatio).toBeCloseTo(0.3, 1);
      expect(a.staleSeconds).toBe(600);
    } finally {
      await prometheus.bringUp();
    }
    const up = await evaluator.evaluateAll();
    expect(up.errors).toBe(0);
    const [a] = await service.listForEntity(
      'component:default/svc-a',
      await credentials,
    );
    expect(a.state).toBe('ok');
    expect(a.staleSeconds).toBeUndefined();
  });

  it('batches: queries per round do not grow with the number of services', async () => {
    const one = await setup([component('svc-a'), slo('svc-a')], prometheus.url);
    await one.evaluator.evaluateAll();
    const three = await setup(entities, prometheus.url);
    await three.evaluator.evaluateAll();
    const oneRound = await one.evaluator.evaluateAll();
    const threeRound = await three.evaluator.evaluateAll();
    expect(threeRound.slos).toBe(3);
    expect(threeRound.queries).toBe(oneRound.queries);
  });

  it('lists an SLO it cannot evaluate with state error and why', async () => {
    const { evaluator, service } = await setup(
      [component('svc-a'), slo('svc-a', 'Datadog')],
      prometheus.url,
    );
    await evaluator.evaluateAll();
    const [a] = await service.listForEntity(
      'component:default/svc-a',
      await credentials,
    );
    expect(a.state).toBe('error');
    expect(a.message).toContain('"Datadog" is not supported');
  });
  it('evaluates time slices from up: 50 bad minutes against 43.2 allowed', async () => {
    const { evaluator, service } = await setup(
      [component('svc-d'), timesliceSlo('svc-d')],
      prometheus.url,
    );
    await evaluator.evaluateAll();
    const [d] = await service.listForEntity(
      'component:default/svc-d',
      await credentials,
    );
    expect(d.state).toBe('ok');
    expect(d.sli!.total).toBe(43_200);
    expect(d.sli!.total - d.sli!.good).toBe(50);
    expect(d.errorBudget!.consumedRatio).toBeCloseTo(50 / 43.2, 9);
    expect(d.policy).toBe('frozen');
    expect(d.allowedDowntimeMinutes).toBeCloseTo(43.2, 6);
  });

  it('removes planned maintenance from good and total when the SLO says so', async () => {
    const maintained = withName(component('svc-e'), 'svc-e', {
      annotations: {
        'unyo.dev/maintenance-window':
          'FREQ=DAILY;BYHOUR=3;DURATION=PT1H;TZID=UTC',
      },
    });
    maintained.relations = [
      { type: 'measuredBy', targetRef: 'slo:default/svc-e-availability' },
      { type: 'measuredBy', targetRef: 'slo:default/svc-e-raw' },
    ];
    const excluded = withName(slo('svc-e'), 'svc-e-availability', {
      annotations: { 'unyo.dev/exclude-maintenance': 'true' },
    });
    const raw = withName(slo('svc-e'), 'svc-e-raw');
    const { evaluator, service } = await setup(
      [maintained, excluded, raw],
      prometheus.url,
    );
    await evaluator.evaluateAll();
    const statuses = await service.listForEntity(
      'component:default/svc-e',
      await credentials,
    );
    const byRef = new Map(statuses.map(x => [x.ref, x]));
    const withExclusion = byRef.get('slo:default/svc-e-availability')!;
    const without = byRef.get('slo:default/svc-e-raw')!;
    // 30 one-hour windows in 30 days.
    expect(withExclusion.excludedMaintenanceMinutes).toBeCloseTo(30 * 60, -2);
    expect(withExclusion.errorBudget!.remainingRatio).toBeGreaterThan(0.95);
    expect(withExclusion.policy).toBe('normal');
    // 5 % errors for 1/24 of the time: 0.21 % errors, twice the 0.1 % budget.
    expect(without.errorBudget!.consumedRatio).toBeCloseTo(
      0.05 / 24 / 0.001,
      1,
    );
    expect(without.policy).toBe('frozen');
  });

  it('projects a calendar month from the share elapsed', async () => {
    const monthly = slo('svc-a');
    (monthly.spec as any).timeWindow = [
      {
        duration: '1M',
        isRolling: false,
        calendar: { startTime: '2020-01-01 00:00:00', timeZone: 'UTC' },
      },
    ];
    const { evaluator, service } = await setup(
      [component('svc-a'), monthly],
      prometheus.url,
    );
    await evaluator.evaluateAll();
    const [a] = await service.listForEntity(
      'component:default/svc-a',
      await credentials,
    );
    const now = new Date(NOW);
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const monthEnd = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
    const elapsed = (NOW - monthStart) / (monthEnd - monthStart);
    expect(a.window.calendar).toBe(true);
    expect(a.window.start).toBe(new Date(monthStart).toISOString());
    expect(a.errorBudget!.consumedRatio / (0.7 * elapsed)).toBeCloseTo(1, 2);
  });

  it('draws the burn-down from stored days before live points exist', async () => {
    const { evaluator, service } = await setup(entities, prometheus.url);
    await evaluator.evaluateAll();
    const one = await service.get(
      'slo:default/svc-a-availability',
      await credentials,
    );
    const daily = one.history.filter(p => p.t.endsWith('T00:00:00.000Z'));
    expect(daily.length).toBeGreaterThanOrEqual(29);
    // Constant error share: every full trailing window holds 70 % used.
    const full = daily.filter(p => Date.parse(p.t) >= START + 31 * DAY);
    expect(full.length).toBeGreaterThan(0);
    for (const point of full) {
      expect(point.remainingRatio!).toBeCloseTo(0.3, 2);
    }
    // Then the live point of this evaluation, in its 10-minute slot.
    const last = Date.parse(one.history[one.history.length - 1].t);
    expect(NOW - last).toBeGreaterThanOrEqual(0);
    expect(NOW - last).toBeLessThan(600_000);
  });
  it('checks that a latency threshold is a bucket boundary of the histogram', async () => {
    const latency = (name: string, le: string): Entity => {
      const entity = withName(slo('svc-f'), name);
      const ratio = (entity.spec as any).indicator.spec.ratioMetric;
      ratio.good.metricSource.spec.query = `http_request_duration_seconds_bucket{service="svc-f",le="${le}"}`;
      ratio.total.metricSource.spec.query =
        'http_request_duration_seconds_count{service="svc-f"}';
      (entity.spec as any).objectives = [{ target: 0.99 }];
      return entity;
    };
    const svc = component('svc-f');
    svc.relations = [
      { type: 'measuredBy', targetRef: 'slo:default/svc-f-p99' },
      { type: 'measuredBy', targetRef: 'slo:default/svc-f-bad-le' },
    ];
    const { evaluator, service } = await setup(
      [svc, latency('svc-f-p99', '0.50'), latency('svc-f-bad-le', '0.3')],
      prometheus.url,
    );
    await evaluator.evaluateAll();
    const byRef = new Map(
      (
        await service.listForEntity(
          'component:default/svc-f',
          await credentials,
        )
      ).map(x => [x.ref, x]),
    );
    // "0.50" is the boundary "0.5": 99 % of requests within 500 ms.
    const ok = byRef.get('slo:default/svc-f-p99')!;
    expect(ok.state).toBe('ok');
    expect(ok.sli!.ratio).toBeCloseTo(0.99, 3);
    const bad = byRef.get('slo:default/svc-f-bad-le')!;
    expect(bad.state).toBe('error');
    expect(bad.message).toContain('le="0.3" is not a bucket boundary');
    expect(bad.message).toContain('0.25, 0.5, +Inf');
  });
  it('evaluates RatioTimeslices: a 5-minute slice is good when its own ratio meets the target', async () => {
    const sliced = withName(slo('svc-c'), 'svc-c-slices');
    (sliced.spec as any).budgetingMethod = 'RatioTimeslices';
    (sliced.spec as any).objectives = [
      { target: 0.999, timeSliceTarget: 0.999, timeSliceWindow: '5m' },
    ];
    const svc = component('svc-c');
    svc.relations = [
      { type: 'measuredBy', targetRef: 'slo:default/svc-c-slices' },
    ];
    const { evaluator, service } = await setup([svc, sliced], prometheus.url);
    await evaluator.evaluateAll();
    const [c] = await service.listForEntity(
      'component:default/svc-c',
      await credentials,
    );
    expect(c.state).toBe('ok');
    // 30 days of 5-minute slices; the last hour's 12 slices are at 1.5 % errors.
    expect(c.sli!.total).toBe(8640);
    expect(c.sli!.total - c.sli!.good).toBe(12);
    expect(c.errorBudget!.consumedRatio).toBeCloseTo(12 / 8.64, 9);
    expect(c.policy).toBe('frozen');
  });
});
