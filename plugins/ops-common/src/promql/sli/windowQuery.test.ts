import { parsePromql, PromqlSyntaxError } from './parsePromql';
import { sliEventsQuery, sliQueryPath, sliWindowQueries } from './windowQuery';

describe('sliQueryPath', () => {
  it('tells plain selectors, expressions and templates apart', () => {
    expect(sliQueryPath('http_requests_total{code!~"5.."}')).toBe('selector');
    expect(sliQueryPath('job:errors:rate5m')).toBe('selector');
    expect(sliQueryPath('sum(rate(x[5m]))')).toBe('expression');
    expect(sliQueryPath('sum(rate(x[{{.window}}]))')).toBe('template');
    expect(sliQueryPath('sum(rate(x[$__window]))')).toBe('template');
  });

  it('refuses what the parser refuses, with where it stopped', () => {
    expect(() => sliQueryPath('sum(rate(x[5m])')).toThrow(
      new PromqlSyntaxError('syntax error: unexpected end of query'),
    );
    expect(() => parsePromql('x) or (y')).toThrow(
      /unexpected "\) or \(y" at char 2/,
    );
    expect(() => parsePromql('  ')).toThrow('query is empty');
    // An unterminated string would swallow what is written after the query.
    expect(() => parsePromql('sum(x) or "))')).toThrow(
      /unterminated string at char 11/,
    );
  });
});

describe('sliEventsQuery', () => {
  const w = { windowSeconds: 3600 };
  it('counter: true reads the increase of each counter inside the expression', () => {
    expect(
      sliEventsQuery('sum by (service) (x{a="b"})', { ...w, counter: true }),
    ).toBe('sum((sum by (service) (increase(x{a="b"}[1h]))))');
    expect(sliEventsQuery('a + b # both', { ...w, counter: true })).toBe(
      'sum((increase(a[1h]) + increase(b[1h])))',
    );
    expect(() =>
      sliEventsQuery('sum(rate(x[5m]))', { ...w, counter: true }),
    ).toThrow(/counter: false for rates/);
  });

  it('counter: false integrates the rate at the resolution', () => {
    expect(
      sliEventsQuery('sum(rate(x[5m]))', {
        ...w,
        counter: false,
        resolutionSeconds: 30,
      }),
    ).toBe('sum_over_time(sum((sum(rate(x[5m]))))[3599999ms:30s]) * 30');
    // A trailing comment cannot swallow the closing parentheses.
    expect(
      sliEventsQuery('job:errors:rate5m # recorded', { ...w, counter: false }),
    ).toBe('sum_over_time(sum((job:errors:rate5m))[3599999ms:1m]) * 60');
  });

  it('fills window templates with each window', () => {
    expect(
      sliEventsQuery('sum(rate(x[{{ .window }}]))', { ...w, counter: false }),
    ).toBe('sum((sum(rate(x[1h])))) * 3600');
    expect(
      sliEventsQuery('sum(increase(x[{{.window}}]))', {
        windowSeconds: 300,
        counter: true,
      }),
    ).toBe('sum((sum(increase(x[5m]))))');
  });
});

describe('sliWindowQueries', () => {
  it('averages a raw ratio over time, success or failure', () => {
    const success = sliWindowQueries(
      { raw: 'r', rawType: 'success' },
      { windowSeconds: 300 },
    );
    expect(success).toEqual({
      total: 'count_over_time(avg((r))[299999ms:1m])',
      good: 'sum_over_time(avg((r))[299999ms:1m])',
    });
    const failure = sliWindowQueries(
      { raw: 'r', rawType: 'failure' },
      { windowSeconds: 300 },
    );
    expect(failure.good).toBe(`(${success.total} - ${success.good})`);
  });
});
