import { batchIncreaseQueries, splitIncreaseResult } from './increaseBatches';
import { parseSelector } from './promql';
import { InstantSample } from './types';

const sample = (
  labels: Record<string, string>,
  value: number,
): InstantSample => ({
  labels,
  value,
  timestamp: new Date(0),
});

describe('batchIncreaseQueries', () => {
  it('turns selectors of one shape into one query per shape', () => {
    const batches = batchIncreaseQueries(
      [
        {
          key: 'a-good',
          selector: 'http_requests_total{service="a",code!~"5.."}',
        },
        {
          key: 'b-good',
          selector: 'http_requests_total{code!~"5..",service="b"}',
        },
        { key: 'a-total', selector: 'http_requests_total{service="a"}' },
        { key: 'c-total', selector: 'http_requests_total{service="c"}' },
        { key: 'b-total', selector: 'http_requests_total{service="b"}' },
      ],
      2592000,
      { byLabels: ['service'] },
    );
    expect(batches.map(b => b.query)).toEqual([
      'sum by (service) (increase(http_requests_total{code!~"5..",service=~"a|b"}[30d]))',
      'sum by (service) (increase(http_requests_total{service=~"a|b|c"}[30d]))',
    ]);
    expect(batches[1].members.map(m => m.key)).toEqual([
      'a-total',
      'c-total',
      'b-total',
    ]);
  });

  it('escapes regex metacharacters and quotes in values', () => {
    const [batch] = batchIncreaseQueries(
      [
        {
          key: 1,
          selector: {
            metric: 'x',
            matchers: [{ name: 's', op: '=', value: 'a.b|c' }],
          },
        },
        {
          key: 2,
          selector: {
            metric: 'x',
            matchers: [{ name: 's', op: '=', value: 'd"} or vector(1) #' }],
          },
        },
        {
          key: 3,
          selector: {
            metric: 'x',
            matchers: [{ name: 's', op: '=', value: 'e\\(f)' }],
          },
        },
      ],
      3600,
      { byLabels: ['s'] },
    );
    expect(batch.query).toBe(
      'sum by (s) (increase(x{s=~"a\\\\.b\\\\|c|d\\"\\\\} or vector\\\\(1\\\\) #|e\\\\\\\\\\\\(f\\\\)"}[1h]))',
    );
    // The regex, as PromQL reads it from the string, matches each value alone.
    const inner = batch.query.slice(
      batch.query.indexOf('x{'),
      batch.query.indexOf('[1h]'),
    );
    const [matcher] = parseSelector(inner).matchers;
    const re = new RegExp(`^(?:${matcher.value})$`);
    for (const value of ['a.b|c', 'd"} or vector(1) #', 'e\\(f)']) {
      expect(re.test(value)).toBe(true);
    }
    for (const value of ['aXb|c', 'a.b', 'c', 'e\\f', 'vector(1)']) {
      expect(re.test(value)).toBe(false);
    }
  });

  it('queries alone a selector without an equality on the label', () => {
    const batches = batchIncreaseQueries(
      [
        { key: 'regex', selector: 'x{service=~"a.*"}' },
        { key: 'none', selector: 'x' },
        { key: 'eq', selector: 'x{service="b"}' },
      ],
      300,
      { byLabels: ['service'] },
    );
    expect(batches.map(b => b.query)).toEqual([
      'sum by (service) (increase(x{service=~"b"}[5m]))',
      'sum(increase(x{service=~"a.*"}[5m]))',
      'sum(increase(x[5m]))',
    ]);
  });

  it('batches on several labels and keeps other matchers apart', () => {
    const batches = batchIncreaseQueries(
      [
        { key: 1, selector: 'x{service="a",env="prod"}' },
        { key: 2, selector: 'x{service="b",env="dev"}' },
        { key: 3, selector: 'x{service="b",env="dev",code="200"}' },
      ],
      60,
      { byLabels: ['service', 'env'] },
    );
    expect(batches.map(b => b.query)).toEqual([
      'sum by (service, env) (increase(x{service=~"a|b",env=~"dev|prod"}[1m]))',
      'sum by (service, env) (increase(x{code="200",service=~"b",env=~"dev"}[1m]))',
    ]);
  });

  it('caps the distinct values per query', () => {
    const requests = ['a', 'b', 'a', 'c', 'd', 'e'].map((s, i) => ({
      key: i,
      selector: `x{service="${s}"}`,
    }));
    const batches = batchIncreaseQueries(requests, 60, {
      byLabels: ['service'],
      maxPerBatch: 2,
    });
    expect(batches.map(b => b.query)).toEqual([
      'sum by (service) (increase(x{service=~"a|b"}[1m]))',
      'sum by (service) (increase(x{service=~"c|d"}[1m]))',
      'sum by (service) (increase(x{service=~"e"}[1m]))',
    ]);
    expect(batches[0].members.map(m => m.key)).toEqual([0, 1, 2]);
  });

  it('rejects an invalid selector or label', () => {
    expect(() =>
      batchIncreaseQueries([{ key: 1, selector: 'rate(x[5m])' }], 60, {
        byLabels: ['service'],
      }),
    ).toThrow(/function call/);
    expect(() =>
      batchIncreaseQueries([{ key: 1, selector: 'x{service="a"}' }], 60, {
        byLabels: ['bad label'],
      }),
    ).toThrow(/Invalid label name/);
    expect(() => batchIncreaseQueries([], 60, { byLabels: [] })).toThrow(
      /at least one label/,
    );
  });
});

describe('splitIncreaseResult', () => {
  it('gives each member its own value, undefined when no series matched', () => {
    const [batch] = batchIncreaseQueries(
      [
        { key: 'a', selector: 'x{service="a"}' },
        { key: 'b', selector: 'x{service="b"}' },
        { key: 'a-again', selector: 'x{service="a"}' },
        { key: 'c', selector: 'x{service="c"}' },
      ],
      60,
      { byLabels: ['service'] },
    );
    const values = splitIncreaseResult(batch, [
      sample({ service: 'a' }, 12.5),
      sample({ service: 'b' }, 0),
    ]);
    expect(Object.fromEntries(values)).toEqual({
      a: 12.5,
      b: 0,
      'a-again': 12.5,
      c: undefined,
    });
  });

  it('matches an empty value to series without the label', () => {
    const [batch] = batchIncreaseQueries(
      [{ key: 'unlabelled', selector: 'x{service=""}' }],
      60,
      { byLabels: ['service'] },
    );
    expect(splitIncreaseResult(batch, [sample({}, 3)]).get('unlabelled')).toBe(
      3,
    );
  });

  it('reads the single value of a selector queried alone', () => {
    const [batch] = batchIncreaseQueries([{ key: 'k', selector: 'x' }], 60, {
      byLabels: ['service'],
    });
    expect(splitIncreaseResult(batch, [sample({}, 7)]).get('k')).toBe(7);
    expect(splitIncreaseResult(batch, []).get('k')).toBeUndefined();
  });
});
