import {
  parseInstantData,
  parseRangeData,
  parseSampleValue,
} from './parseResponse';

describe('parseSampleValue', () => {
  it.each([
    ['1.5', 1.5],
    ['0', 0],
    ['-2e-3', -0.002],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
  ])('%s → %p', (text, value) => {
    expect(parseSampleValue(text)).toBe(value);
  });

  it('reads NaN', () => {
    expect(parseSampleValue('NaN')).toBeNaN();
  });

  it.each(['', 'abc', null, 3])('rejects %p', value => {
    expect(() => parseSampleValue(value)).toThrow('unexpected sample value');
  });
});

describe('parseInstantData', () => {
  it('reads a vector with labels and timestamps', () => {
    expect(
      parseInstantData({
        resultType: 'vector',
        result: [
          { metric: { service: 'a' }, value: [1700000000.123, '42'] },
          { metric: {}, value: [1700000000, 'NaN'] },
        ],
      }),
    ).toEqual([
      {
        labels: { service: 'a' },
        value: 42,
        timestamp: new Date(1700000000123),
      },
      { labels: {}, value: NaN, timestamp: new Date(1700000000000) },
    ]);
  });

  it('reads a scalar as one sample without labels', () => {
    expect(
      parseInstantData({ resultType: 'scalar', result: [1700000000, '+Inf'] }),
    ).toEqual([
      { labels: {}, value: Infinity, timestamp: new Date(1700000000000) },
    ]);
  });

  it('refuses a matrix, a string and malformed data', () => {
    expect(() =>
      parseInstantData({ resultType: 'matrix', result: [] }),
    ).toThrow(
      'the query returned a matrix; an instant query must return a vector or a scalar',
    );
    expect(() =>
      parseInstantData({ resultType: 'string', result: [0, 'x'] }),
    ).toThrow(/returned a string/);
    expect(() => parseInstantData(undefined)).toThrow('no data.resultType');
    expect(() =>
      parseInstantData({ resultType: 'vector', result: {} }),
    ).toThrow('not an array');
    expect(() =>
      parseInstantData({
        resultType: 'vector',
        result: [{ metric: {}, histogram: [0, {}] }],
      }),
    ).toThrow('native histogram');
  });
});

describe('parseRangeData', () => {
  it('reads a matrix', () => {
    expect(
      parseRangeData({
        resultType: 'matrix',
        result: [
          {
            metric: { code: '200' },
            values: [
              [1, '1'],
              [2, '-Inf'],
            ],
          },
        ],
      }),
    ).toEqual([
      {
        labels: { code: '200' },
        values: [
          [new Date(1000), 1],
          [new Date(2000), -Infinity],
        ],
      },
    ]);
  });

  it('refuses a vector', () => {
    expect(() => parseRangeData({ resultType: 'vector', result: [] })).toThrow(
      'not a matrix',
    );
  });
});
