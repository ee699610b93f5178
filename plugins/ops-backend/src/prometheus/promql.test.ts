import {
  escapeLabelValue,
  escapeRegex,
  formatDuration,
  formatMatchers,
  formatSelector,
  increaseQuery,
  parseSelector,
} from './promql';

describe('escapeLabelValue', () => {
  it('escapes backslash, double quote and line breaks', () => {
    expect(escapeLabelValue('a\\b"c\nd\re')).toBe('a\\\\b\\"c\\nd\\re');
  });

  it('keeps an injection attempt inside the string', () => {
    const value = 'a"} or vector(1) #';
    const selector = `x{service="${escapeLabelValue(value)}"}`;
    expect(parseSelector(selector)).toEqual({
      metric: 'x',
      matchers: [{ name: 'service', op: '=', value }],
    });
  });

  it('cannot be broken by a trailing backslash', () => {
    const value = 'evil\\';
    expect(parseSelector(`x{a="${escapeLabelValue(value)}",b="c"}`)).toEqual({
      metric: 'x',
      matchers: [
        { name: 'a', op: '=', value },
        { name: 'b', op: '=', value: 'c' },
      ],
    });
  });
});

describe('escapeRegex', () => {
  it('escapes every RE2 metacharacter', () => {
    expect(escapeRegex('a.b|c(d)[e]{f}*+?^$\\')).toBe(
      'a\\.b\\|c\\(d\\)\\[e\\]\\{f\\}\\*\\+\\?\\^\\$\\\\',
    );
  });

  it('matches the value literally, as a whole, in a JS regex too', () => {
    const value = 'api.v1+(beta)|x';
    const re = new RegExp(`^(?:${escapeRegex(value)})$`);
    expect(re.test(value)).toBe(true);
    expect(re.test('apiXv1+(beta)|x')).toBe(false);
    expect(re.test('x')).toBe(false);
  });
});

describe('formatMatchers', () => {
  it('formats and escapes equality matchers', () => {
    expect(formatMatchers({ service: 'a"b', env: 'prod' })).toBe(
      'service="a\\"b",env="prod"',
    );
  });

  it('rejects label names that cannot be written in PromQL', () => {
    expect(() => formatMatchers({ 'bad name': 'x' })).toThrow(
      'Invalid label name "bad name"',
    );
    expect(() => formatMatchers({ 'a"}or': 'x' })).toThrow(
      /Invalid label name/,
    );
  });
});

describe('parseSelector', () => {
  it('reads a counter selector as SLO documents write it', () => {
    expect(
      parseSelector(
        'http_requests_total{service="identity-service",code!~"5.."}',
      ),
    ).toEqual({
      metric: 'http_requests_total',
      matchers: [
        { name: 'service', op: '=', value: 'identity-service' },
        { name: 'code', op: '!~', value: '5..' },
      ],
    });
  });

  it('accepts all four operators, spaces, a trailing comma and no braces', () => {
    expect(
      parseSelector(' x { a = "1" , b != "2", c =~ "3", d !~ "4", } '),
    ).toEqual({
      metric: 'x',
      matchers: [
        { name: 'a', op: '=', value: '1' },
        { name: 'b', op: '!=', value: '2' },
        { name: 'c', op: '=~', value: '3' },
        { name: 'd', op: '!~', value: '4' },
      ],
    });
    expect(parseSelector('job:up:ratio')).toEqual({
      metric: 'job:up:ratio',
      matchers: [],
    });
    expect(parseSelector('x{}')).toEqual({ metric: 'x', matchers: [] });
  });

  it('reads single-quoted, raw and escaped strings', () => {
    expect(
      parseSelector("x{a='it\\'s',b=`raw\\d`,c=\"\\x41\\u00e9\\n\\101\"}")
        .matchers,
    ).toEqual([
      { name: 'a', op: '=', value: "it's" },
      { name: 'b', op: '=', value: 'raw\\d' },
      { name: 'c', op: '=', value: 'Aé\nA' },
    ]);
  });

  it('takes the metric from a __name__ matcher', () => {
    expect(parseSelector('{__name__="up",job="x"}')).toEqual({
      metric: 'up',
      matchers: [{ name: 'job', op: '=', value: 'x' }],
    });
  });

  it.each([
    ['', /missing metric name/],
    ['{job="x"}', /missing metric name/],
    ['rate(x[5m])', /"rate\(" is a function call/],
    ['sum (x)', /function call/],
    ['x[5m]', /unexpected "\[5m\]"/],
    ['x offset 1h', /unexpected "offset 1h"/],
    ['x or vector(1)', /unexpected "or vector/],
    ['x{a="b"} or vector(1) #', /unexpected "or vector/],
    ['x{a="b"}} or vector(1)', /unexpected "} or vecto"/],
    ['x / y', /unexpected "\/ y"/],
    ['x{a="b" or vector(1)}', /expected "," or "}"/],
    ['x{a=b}', /expected a quoted label value/],
    ['x{a=="b"}', /expected a quoted label value/],
    ['x{a<"b"}', /expected a matcher operator/],
    ['x{"a"="b"}', /expected a label name/],
    ['x{a="b', /unterminated string/],
    ['x{a="b\n"}', /unterminated string/],
    ['x{a="\\q"}', /invalid escape sequence/],
    ['x # comment', /unexpected "# comment"/],
    ['x{a="b"', /missing "}" at char 8/],
    ['x{a="b",', /missing "}"/],
  ])('rejects %j', (selector, message) => {
    expect(() => parseSelector(selector)).toThrow(message);
  });

  it('names the selector and the position in its error', () => {
    expect(() => parseSelector('x{a="b"}[5m]')).toThrow(
      'Invalid selector "x{a="b"}[5m]": unexpected "[5m]" at char 9',
    );
  });
});

describe('formatSelector', () => {
  it('round-trips whatever values a selector holds', () => {
    const values = [
      'a"} or vector(1) #',
      'back\\slash',
      'new\nline',
      'é ✓',
      '',
    ];
    for (const value of values) {
      const parsed = {
        metric: 'x',
        matchers: [{ name: 'a', op: '=~' as const, value }],
      };
      expect(parseSelector(formatSelector(parsed))).toEqual(parsed);
    }
  });

  it('writes a bare metric without braces', () => {
    expect(formatSelector({ metric: 'up', matchers: [] })).toBe('up');
  });

  it('rejects a metric or label name that would inject PromQL', () => {
    expect(() =>
      formatSelector({ metric: 'vector(1) or x', matchers: [] }),
    ).toThrow('Invalid metric name');
    expect(() =>
      formatSelector({
        metric: 'x',
        matchers: [{ name: 'a="1"} or y{b', op: '=', value: '' }],
      }),
    ).toThrow('Invalid label name');
  });
});

describe('formatDuration', () => {
  it.each([
    [2592000, '30d'],
    [86400, '1d'],
    [3600, '1h'],
    [5400, '90m'],
    [300, '5m'],
    [3601, '3601s'],
    [0.5, '500ms'],
    [1.25, '1250ms'],
  ])('%p s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([0, -5, NaN, Infinity])('rejects %p', seconds => {
    expect(() => formatDuration(seconds)).toThrow('Invalid PromQL duration');
  });
});

describe('increaseQuery', () => {
  it('sums the increase by the given labels', () => {
    expect(
      increaseQuery('http_requests_total{code!~"5.."}', 2592000, {
        sumBy: ['service'],
      }),
    ).toBe(
      'sum by (service) (increase(http_requests_total{code!~"5.."}[30d]))',
    );
  });

  it('sums everything without sumBy', () => {
    expect(increaseQuery('x', 3600)).toBe('sum(increase(x[1h]))');
  });

  it('validates the selector and the labels', () => {
    expect(() => increaseQuery('x or vector(1)', 60)).toThrow(
      /Invalid selector/,
    );
    expect(() => increaseQuery('x', 60, { sumBy: ['a) (vector(1)'] })).toThrow(
      /Invalid label name/,
    );
  });

  it('re-escapes values of a parsed selector', () => {
    expect(
      increaseQuery(
        { metric: 'x', matchers: [{ name: 's', op: '=', value: 'a"b' }] },
        60,
      ),
    ).toBe('sum(increase(x{s="a\\"b"}[1m]))');
  });
});
