import { Entity } from '@backstage/catalog-model';
import { parse } from 'yaml';
import { SliEntity, SloEntity } from '../kinds';
import { formatSloRules } from './formatSloRules';
import { generateSloRules } from './generateSloRules';
import { sliErrorRatioQuery } from './errorRatioQuery';
import { parseCounterSelector } from './counterSelector';

const component = (name: string, selector?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: selector ? { 'unyo.dev/alert-selector': selector } : {},
  },
  spec: { owner: 'team-a', type: 'service', lifecycle: 'production' },
});

const slo = (
  name: string,
  spec: Partial<SloEntity['spec']> = {},
): SloEntity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name, title: `${name} title` },
  spec: {
    service: 'api',
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
    timeWindow: [{ duration: '30d', isRolling: true }],
    indicator: {
      spec: {
        ratioMetric: {
          counter: true,
          good: {
            metricSource: {
              type: 'Prometheus',
              spec: { query: 'http_requests_total{service="api",code!~"5.."}' },
            },
          },
          total: {
            metricSource: {
              type: 'Prometheus',
              spec: { query: 'http_requests_total{service="api"}' },
            },
          },
        },
      },
    },
    ...spec,
  },
});

const runbook: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'Runbook',
  metadata: { name: 'api-burn' },
  spec: {
    owner: 'team-a',
    appliesTo: ['api'],
    alerts: ['SLOErrorBudgetBurn'],
    steps: [],
  },
};

const now = new Date('2026-12-06T00:00:00Z');

describe('generateSloRules', () => {
  it('records the error ratio per burn-rate window and alerts on the four tiers of the SLO card', () => {
    const set = generateSloRules(
      {
        slos: [slo('api-availability')],
        slis: [],
        entities: [component('api', 'service="api"')],
        runbooks: [runbook],
        now,
      },
      { portalBaseUrl: 'https://portal.example.com/' },
    );
    expect(set.skipped).toEqual([]);
    const [group] = set.groups;
    expect(group.name).toBe('slo:default/api-availability');
    const records = group.rules.filter(r => 'record' in r);
    expect(records.map(r => (r as { record: string }).record)).toEqual(
      ['5m', '30m', '1h', '2h', '6h', '1d', '3d'].map(
        w => `unyo:slo_errors:ratio_rate${w}`,
      ),
    );
    expect(records[0]).toEqual({
      record: 'unyo:slo_errors:ratio_rate5m',
      expr: '(sum(increase(http_requests_total{service="api"}[5m])) - (sum(increase(http_requests_total{service="api",code!~"5.."}[5m])) or vector(0))) / sum(increase(http_requests_total{service="api"}[5m]))',
      labels: { slo: 'api-availability', service: 'api' },
    });
    const alerts = group.rules.filter(r => 'alert' in r) as Array<{
      expr: string;
      labels: Record<string, string>;
      annotations: Record<string, string>;
    }>;
    expect(
      alerts.map(a => [
        a.labels.severity,
        a.labels.long_window,
        a.labels.short_window,
      ]),
    ).toEqual([
      ['page', '1h', '5m'],
      ['page', '6h', '30m'],
      ['ticket', '1d', '2h'],
      ['ticket', '3d', '6h'],
    ]);
    expect(alerts[0].expr).toBe(
      'unyo:slo_errors:ratio_rate1h{slo="api-availability"} > (14.4 * 0.001)\nand\nunyo:slo_errors:ratio_rate5m{slo="api-availability"} > (14.4 * 0.001)',
    );
    expect(alerts[0].annotations.runbook_url).toBe(
      'https://portal.example.com/catalog/default/runbook/api-burn',
    );
    expect(alerts[0].annotations.summary).toBe(
      'api-availability title: error budget burning 14.4× too fast (1h and 5m)',
    );
    expect(alerts[0].annotations.description).toContain('lasts 50 h');
  });

  it('takes the alert name, severity label and values from the options', () => {
    const set = generateSloRules(
      {
        slos: [slo('a')],
        slis: [],
        entities: [component('api', 'service="api"')],
        runbooks: [runbook],
        now,
      },
      {
        alertName: 'SloBurn',
        severityLabel: 'priority',
        severities: { page: 'P1', ticket: 'P3' },
      },
    );
    const alerts = set.groups[0].rules.filter(r => 'alert' in r) as Array<{
      alert: string;
      labels: Record<string, string>;
      annotations: Record<string, string>;
    }>;
    expect(alerts.map(a => [a.alert, a.labels.priority])).toEqual([
      ['SloBurn', 'P1'],
      ['SloBurn', 'P1'],
      ['SloBurn', 'P3'],
      ['SloBurn', 'P3'],
    ]);
    // The runbook answers SLOErrorBudgetBurn, not SloBurn.
    expect(alerts[0].annotations.runbook_url).toBeUndefined();
  });

  it('lists SLOs it cannot generate for with the reason, and narrows by entity and owner', () => {
    const datadog = slo('datadog', {
      indicator: {
        spec: {
          ratioMetric: {
            counter: true,
            good: { metricSource: { type: 'Datadog', spec: { query: 'x' } } },
            total: { metricSource: { type: 'Datadog', spec: { query: 'y' } } },
          },
        },
      },
    });
    const expression = slo('expression', {
      indicator: {
        spec: {
          ratioMetric: {
            counter: true,
            good: {
              metricSource: {
                type: 'Prometheus',
                spec: { query: 'sum(rate(x[5m]))' },
              },
            },
            total: {
              metricSource: { type: 'Prometheus', spec: { query: 'y' } },
            },
          },
        },
      },
    });
    const input = {
      slos: [slo('ok'), datadog, expression],
      slis: [],
      entities: [component('api', 'service="api"')],
      runbooks: [],
      now,
    };
    const set = generateSloRules(input);
    expect(set.groups.map(g => g.sloRef)).toEqual(['slo:default/ok']);
    expect(set.skipped).toEqual([
      {
        sloRef: 'slo:default/datadog',
        reason:
          'ratioMetric.total.metricSource.type "Datadog" is not Prometheus',
      },
      {
        sloRef: 'slo:default/expression',
        reason: expect.stringContaining(
          'ratioMetric.good.metricSource.spec.query: counter: true reads counters, but the query has "x[5m]"',
        ),
      },
    ]);
    const text = formatSloRules(set);
    expect(text).toContain(
      '# Not generated: slo:default/datadog: ratioMetric.total.metricSource.type "Datadog" is not Prometheus',
    );
    expect(
      generateSloRules(input, {}, { entityRef: 'component:default/other' })
        .groups,
    ).toEqual([]);
    expect(
      generateSloRules(input, {}, { owner: 'group:default/team-a' }).groups,
    ).toHaveLength(1);
    expect(
      generateSloRules(input, {}, { owner: 'group:default/team-b' }).groups,
    ).toEqual([]);
    expect(
      generateSloRules(input, {}, { entityRef: 'slo:default/ok' }).groups,
    ).toHaveLength(1);
  });

  it('reads indicatorRef SLIs and time-slice SLOs', () => {
    const sli: SliEntity = {
      apiVersion: 'openslo/v1',
      kind: 'SLI',
      metadata: { name: 'up-sli' },
      spec: {
        thresholdMetric: {
          metricSource: {
            type: 'Prometheus',
            spec: { query: 'up{job="api"}' },
          },
        },
      },
    };
    const set = generateSloRules({
      slos: [
        slo('up', {
          indicator: undefined,
          indicatorRef: 'up-sli',
          budgetingMethod: 'Timeslices',
          objectives: [
            { target: 0.99, op: 'gte', value: 1, timeSliceWindow: '1m' },
          ],
        }),
      ],
      slis: [sli],
      entities: [component('api', 'service="api"')],
      runbooks: [],
      now,
    });
    expect((set.groups[0].rules[2] as { expr: string }).expr).toBe(
      '1 - avg_over_time((min((up{job="api"})) >= bool 1)[1h:1m])',
    );
  });

  it('labels rules so the selector selects them, and says when it cannot', () => {
    const withRegex = generateSloRules({
      slos: [slo('a')],
      slis: [],
      entities: [component('api', 'service=~"api|api-v2",env!="dev"')],
      runbooks: [],
      now,
    });
    expect(withRegex.groups[0].rules[0]).toMatchObject({
      labels: { slo: 'a', service: 'api' },
    });
    const open = generateSloRules({
      slos: [slo('a')],
      slis: [],
      entities: [component('api', 'service=~"api-.*"')],
      runbooks: [],
      now,
    });
    expect(open.groups[0].notes).toEqual([
      'component:default/api: no label values satisfy service=~"api-.*" of the alert selector',
    ]);
    const none = generateSloRules({
      slos: [slo('a')],
      slis: [],
      entities: [component('api')],
      runbooks: [],
      now,
    });
    expect(none.groups[0].notes[0]).toContain(
      'has no unyo.dev/alert-selector annotation',
    );
  });

  it('escapes catalog text: template braces in titles, quotes in label values', () => {
    const hostile = slo('a');
    hostile.metadata.title = 'API {{ printf "x" }}';
    const set = generateSloRules({
      slos: [hostile],
      slis: [],
      entities: [component('api', 'service="a\\"b"')],
      runbooks: [],
      now,
    });
    const text = formatSloRules(set);
    const parsed = parse(text);
    const alert = parsed.groups[0].rules[7];
    expect(alert.annotations.summary).toBe(
      'API {{ "{{" }} printf "x" {{ "}}" }}: error budget burning 14.4× too fast (1h and 5m)',
    );
    expect(alert.labels.service).toBe('a"b');
  });

  it('writes a PrometheusRule resource', () => {
    const set = generateSloRules({
      slos: [slo('a')],
      slis: [],
      entities: [component('api', 'service="api"')],
      runbooks: [],
      now,
    });
    const parsed = parse(formatSloRules(set, { format: 'prometheusrule' }));
    expect(parsed).toMatchObject({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'unyo-slo-rules' },
      spec: { groups: [{ name: 'slo:default/a' }] },
    });
  });
});

const prom = (query: string) => ({
  metricSource: { type: 'Prometheus', spec: { query } },
});

/** The 5m recording rule of one SLO, or its reason for not being generated. */
function record5m(s: SloEntity): string {
  const set = generateSloRules({
    slos: [s],
    slis: [],
    entities: [component('api', 'service="api"')],
    runbooks: [],
    now,
  });
  if (set.skipped.length) return `skipped: ${set.skipped[0].reason}`;
  expect(set.groups[0].rules).toHaveLength(11);
  return (set.groups[0].rules[0] as { expr: string }).expr;
}

describe('generateSloRules on expressions, templates, counter: false and raw', () => {
  it('fills a Sloth-style {{.window}} template of rates (counter: false) with each window', () => {
    const sloth = slo('sloth', {
      indicator: {
        spec: {
          ratioMetric: {
            counter: false,
            bad: prom(
              'sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))',
            ),
            total: prom(
              'sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))',
            ),
          },
        },
      },
    });
    expect(record5m(sloth)).toBe(
      '(sum((sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[5m])))) * 300 or vector(0)) / sum((sum(rate(http_request_duration_seconds_count{job="myservice"}[5m])))) * 300',
    );
  });

  it('integrates a rate with counter: false over the window at a 1m resolution', () => {
    const rates = slo('rates', {
      indicator: {
        spec: {
          ratioMetric: {
            counter: false,
            good: prom('job:requests_ok:rate5m{service="api"}'),
            total: prom('sum(rate(requests_total{service="api"}[5m]))'),
          },
        },
      },
    });
    expect(record5m(rates)).toBe(
      '(sum_over_time(sum((sum(rate(requests_total{service="api"}[5m]))))[299999ms:1m]) * 60 - (sum_over_time(sum((job:requests_ok:rate5m{service="api"}))[299999ms:1m]) * 60 or vector(0))) / sum_over_time(sum((sum(rate(requests_total{service="api"}[5m]))))[299999ms:1m]) * 60',
    );
  });

  it('reads an aggregation of counters (counter: true) as increases inside the aggregation', () => {
    const aggregated = slo('aggregated', {
      indicator: {
        spec: {
          ratioMetric: {
            counter: true,
            bad: prom('sum by (service) (errors_total{service="api"})'),
            total: prom('sum by (service) (requests_total{service="api"})'),
          },
        },
      },
    });
    expect(record5m(aggregated)).toBe(
      '(sum((sum by (service) (increase(errors_total{service="api"}[5m])))) or vector(0)) / sum((sum by (service) (increase(requests_total{service="api"}[5m]))))',
    );
  });

  it('averages a raw ratio over the window (rawType success and failure)', () => {
    const raw = (rawType: 'success' | 'failure') =>
      slo(`raw-${rawType}`, {
        indicator: {
          spec: {
            ratioMetric: {
              rawType,
              raw: prom('avg(probe_success{service="api"})'),
            },
          },
        },
      });
    const total =
      'count_over_time(avg((avg(probe_success{service="api"})))[299999ms:1m])';
    const share =
      'sum_over_time(avg((avg(probe_success{service="api"})))[299999ms:1m])';
    expect(record5m(raw('success'))).toBe(
      `(${total} - (${share} or vector(0))) / ${total}`,
    );
    expect(record5m(raw('failure'))).toBe(
      `(${total} - ((${total} - ${share}) or vector(0))) / ${total}`,
    );
  });

  it('names the field and the parser message of a refused query, and leaves ratio Timeslices of expressions out', () => {
    const broken = slo('broken', {
      indicator: {
        spec: {
          ratioMetric: {
            counter: false,
            good: prom('sum(rate(x[5m])'),
            total: prom('sum(rate(y[5m]))'),
          },
        },
      },
    });
    expect(record5m(broken)).toMatch(
      /^skipped: ratioMetric\.good\.metricSource\.spec\.query: .+/,
    );
    const sliced = slo('sliced', {
      budgetingMethod: 'RatioTimeslices',
      objectives: [{ target: 0.99, timeSliceTarget: 0.95 }],
      indicator: {
        spec: {
          ratioMetric: {
            counter: false,
            good: prom('sum(rate(x[5m]))'),
            total: prom('sum(rate(y[5m]))'),
          },
        },
      },
    });
    expect(record5m(sliced)).toBe(
      'skipped: a ratioMetric with budgetingMethod RatioTimeslices is generated for counter selectors only: expressions, counter: false and raw ratios need Occurrences',
    );
  });
});

describe('sliErrorRatioQuery', () => {
  it('is bad over total for bad/total counters, with a missing bad series as none', () => {
    const sel = (q: string) =>
      parseCounterSelector(q) as Exclude<
        ReturnType<typeof parseCounterSelector>,
        { error: string }
      >;
    expect(
      sliErrorRatioQuery(
        {
          kind: 'ratio',
          bad: sel('errors_total{a="1"}'),
          total: sel('requests_total'),
        },
        3600,
      ),
    ).toBe(
      '(sum(increase(errors_total{a="1"}[1h])) or vector(0)) / sum(increase(requests_total[1h]))',
    );
  });
});

describe('parseCounterSelector', () => {
  it('matches a bucket boundary however Prometheus spells it', () => {
    expect(parseCounterSelector('x_bucket{le="2"}')).toMatchObject({
      text: 'x_bucket{le=~"2|2\\\\.0"}',
    });
    expect(parseCounterSelector('x_bucket{le="0.25"}')).toMatchObject({
      text: 'x_bucket{le="0.25"}',
    });
  });

  it('refuses anything but a selector, saying why', () => {
    expect(parseCounterSelector('x[5m]')).toEqual({
      error: '"x[5m]" is an expression, not a selector',
    });
    expect(parseCounterSelector('x offset 5m')).toEqual({
      error: '"x offset 5m" is an expression, not a selector',
    });
    expect(parseCounterSelector('x{a="b"')).toEqual({
      error: '"x{a="b"" is not valid PromQL (at character 8)',
    });
    expect(parseCounterSelector('{__name__="up",job="x"}')).toMatchObject({
      metric: 'up',
      text: 'up{job="x"}',
    });
  });
});
