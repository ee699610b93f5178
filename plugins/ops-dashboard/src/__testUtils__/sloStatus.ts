import {
  policyFor,
  type SloHistoryPoint,
  type SloStatus,
  type SloStatusWithHistory,
} from '@unyo/plugin-ops-common';

const ago = (seconds: number) =>
  new Date(Date.now() - seconds * 1000).toISOString();

/**
 * docs/slo-math.md, worked examples 1 and 2: 99.9 % over rolling 30 days, 1,000,000 requests
 * with 700 bad (SLI 99.93 %, 30 % budget left: feature freeze), burning at
 * 15× over the last hour so the fast page (1h and 5m over 14.4) fires and
 * the rest of the budget lasts 14.4 h. Evaluated 2 minutes ago.
 */
export function featureFreezeStatus(): SloStatus {
  return {
    ref: 'slo:default/identity-availability',
    entityRef: 'component:default/identity-service',
    title: 'Identity service availability',
    target: 0.999,
    window: { duration: '30d', calendar: false },
    budgetingMethod: 'Occurrences',
    state: 'ok',
    sli: { good: 999_300, total: 1_000_000, ratio: 0.9993 },
    errorBudget: {
      total: 1000,
      consumed: 700,
      consumedRatio: 0.7,
      remainingRatio: 0.3,
    },
    policy: 'feature-freeze',
    burnRates: {
      '5m': 20,
      '30m': 16.5,
      '1h': 15,
      '2h': 9.2,
      '6h': 4.1,
      '1d': 1.6,
      '3d': 0.85,
    },
    burnRateAlerts: [
      {
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        factor: 14.4,
        firing: true,
      },
      {
        severity: 'page',
        longWindow: '6h',
        shortWindow: '30m',
        factor: 6,
        firing: false,
      },
      {
        severity: 'ticket',
        longWindow: '1d',
        shortWindow: '2h',
        factor: 3,
        firing: false,
      },
      {
        severity: 'ticket',
        longWindow: '3d',
        shortWindow: '6h',
        factor: 1,
        firing: false,
      },
    ],
    timeToExhaustionSeconds: 14.4 * 3600,
    allowedDowntimeMinutes: 43.2,
    evaluatedAt: ago(120),
  };
}

/**
 * docs/slo-math.md, worked example 3: 50 bad minutes of 43,200 at 99.9 %: 115.74 % of the budget
 * used, −15.74 % left, frozen.
 */
export function exhaustedStatus(): SloStatus {
  return {
    ...featureFreezeStatus(),
    ref: 'slo:default/identity-uptime',
    title: 'Identity service uptime',
    budgetingMethod: 'Timeslices',
    sli: { good: 43_150, total: 43_200, ratio: 43_150 / 43_200 },
    errorBudget: {
      total: 43.2,
      consumed: 50,
      consumedRatio: 50 / 43.2,
      remainingRatio: 1 - 50 / 43.2,
    },
    policy: 'frozen',
    burnRates: {
      '5m': 0,
      '30m': 0,
      '1h': 0,
      '2h': 0,
      '6h': 0,
      '1d': 0.5,
      '3d': 1.2,
    },
    burnRateAlerts: [],
    timeToExhaustionSeconds: 0,
  };
}

/** No requests in the window. */
export function noDataStatus(): SloStatus {
  return {
    ref: 'slo:default/identity-availability',
    entityRef: 'component:default/identity-service',
    target: 0.999,
    window: { duration: '30d', calendar: false },
    budgetingMethod: 'Occurrences',
    state: 'no-data',
    sli: undefined,
    burnRates: {
      '5m': null,
      '30m': null,
      '1h': null,
      '2h': null,
      '6h': null,
      '1d': null,
      '3d': null,
    },
    evaluatedAt: ago(30),
  };
}

/** Prometheus failed; the last good values are 12 minutes old. */
export function errorStatus(): SloStatus {
  return {
    ...featureFreezeStatus(),
    state: 'error',
    message: 'Prometheus unreachable',
    evaluatedAt: ago(20),
    lastSuccessAt: ago(720),
    staleSeconds: 720,
  };
}

/**
 * E10: a calendar month (February 2025, UTC), the budget burning slower than
 * the ideal line, three daily points.
 */
export function calendarStatusWithHistory(): SloStatusWithHistory {
  const history: SloHistoryPoint[] = [
    { t: '2025-02-01T00:00:00Z', remainingRatio: 1, sliRatio: null },
    { t: '2025-02-08T00:00:00Z', remainingRatio: 0.86, sliRatio: 0.99945 },
    { t: '2025-02-15T12:00:00Z', remainingRatio: 0.689286, sliRatio: 0.9994 },
  ];
  return {
    ...featureFreezeStatus(),
    window: {
      duration: '1M',
      calendar: true,
      timeZone: 'UTC',
      start: '2025-02-01T00:00:00Z',
      end: '2025-02-15T12:00:00Z',
    },
    sli: { good: 499_700, total: 500_000, ratio: 0.9994 },
    errorBudget: {
      total: 965.5,
      consumed: 300,
      consumedRatio: 0.310714,
      remainingRatio: 0.689286,
    },
    policy: 'normal',
    burnRateAlerts: [],
    allowedDowntimeMinutes: 40.32,
    history,
  };
}

/**
 * The checkout SLO grouped by `service` (`unyo.dev/group-by`): five
 * services at 99.9 %, one of them (payments) with its budget exhausted, in
 * the worst-first order the backend stores; two more groups left out by
 * `ops.slo.maxGroups`.
 */
export function groupedStatus(): SloStatus {
  const group = (
    service: string,
    bad: number,
    burn1h: number,
  ): NonNullable<SloStatus['groups']>[number] => {
    const total = 100_000;
    const consumedRatio = bad / (total * 0.001);
    const remainingRatio = 1 - consumedRatio;
    return {
      labels: { service },
      state: 'ok',
      sli: { good: total - bad, total, ratio: (total - bad) / total },
      errorBudget: { total: 100, consumed: bad, consumedRatio, remainingRatio },
      // As the backend judges it, by the default policy.
      policy: policyFor(remainingRatio),
      burnRates: {
        '5m': burn1h,
        '30m': burn1h,
        '1h': burn1h,
        '2h': burn1h,
        '6h': burn1h,
        '1d': burn1h,
        '3d': burn1h,
      },
    };
  };
  return {
    ...featureFreezeStatus(),
    ref: 'slo:default/checkout-availability',
    title: 'Checkout availability',
    groupBy: ['service'],
    groups: [
      group('payments', 120, 12),
      group('cart', 90, 3),
      group('search', 60, 1.5),
      group('catalog', 20, 0.4),
      group('login', 10, 0.2),
    ],
    groupsOmitted: 2,
  };
}
