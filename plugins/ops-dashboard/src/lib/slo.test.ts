import {
  allowedBadMinutes,
  describeIndicator,
  errorShare,
  formatPercent,
  humanizeMinutes,
  parseOpenSloDuration,
  readSloObjectives,
  readSloTimeWindow,
  windowMinutes,
} from './slo';

describe('slo maths', () => {
  it('parses OpenSLO durations', () => {
    expect(parseOpenSloDuration('30d')).toEqual({ value: 30, unit: 'd' });
    expect(parseOpenSloDuration('1M')).toEqual({ value: 1, unit: 'M' });
    expect(parseOpenSloDuration('30 days')).toBeUndefined();
    expect(parseOpenSloDuration(undefined)).toBeUndefined();
  });

  it('reads targets and targetPercent as ratios', () => {
    expect(
      readSloObjectives({
        objectives: [
          { target: 0.999 },
          { displayName: 'p', targetPercent: 99.5 },
        ],
      }).map(o => o.target),
    ).toEqual([0.999, 0.995]);
    expect(readSloObjectives({})).toEqual([]);
  });

  it('gives 43.2 minutes for 99.9 % over 30 rolling days', () => {
    const window = readSloTimeWindow({
      timeWindow: [{ duration: '30d', isRolling: true }],
    })!;
    expect(windowMinutes(window)).toBe(43200);
    expect(allowedBadMinutes(0.999, 43200)).toBeCloseTo(43.2, 10);
    expect(humanizeMinutes(allowedBadMinutes(0.999, 43200)!)).toEqual({
      value: 43.2,
      unit: 'minutes',
    });
    expect(errorShare(0.999)).toBe(0.001);
    expect(formatPercent(0.999)).toBe('99.9%');
    expect(formatPercent(0.001)).toBe('0.1%');
  });

  it('uses the real length of the calendar month in its time zone', () => {
    const window = readSloTimeWindow({
      timeWindow: [
        {
          duration: '1M',
          isRolling: false,
          calendar: {
            startTime: '2024-01-01 00:00:00',
            timeZone: 'Asia/Tokyo',
          },
        },
      ],
    })!;
    expect(window.rolling).toBe(false);
    // 2024-02-29 20:00 UTC is already 1 March in Tokyo: 31 days
    expect(windowMinutes(window, new Date('2024-02-29T20:00:00Z'))).toBe(
      31 * 1440,
    );
    // February 2024 has 29 days
    expect(windowMinutes(window, new Date('2024-02-10T00:00:00Z'))).toBe(
      29 * 1440,
    );
    // March 2024 in New York loses an hour to daylight saving time
    expect(
      windowMinutes(
        { ...window, timeZone: 'America/New_York' },
        new Date('2024-03-15T12:00:00Z'),
      ),
    ).toBe(31 * 1440 - 60);
    // a quarter: April–June 2024
    expect(
      windowMinutes(
        { ...window, duration: { value: 1, unit: 'Q' }, timeZone: 'UTC' },
        new Date('2024-05-15T12:00:00Z'),
      ),
    ).toBe(91 * 1440);
  });

  it('humanizes budgets', () => {
    expect(humanizeMinutes(432)).toEqual({ value: 7.2, unit: 'hours' });
    expect(humanizeMinutes(0.5)).toEqual({ value: 30, unit: 'seconds' });
    expect(humanizeMinutes(4320)).toEqual({ value: 3, unit: 'days' });
  });

  it('describes ratio and threshold indicators', () => {
    expect(
      describeIndicator({
        ratioMetric: {
          counter: true,
          bad: { metricSource: { type: 'Prometheus' } },
          total: { metricSource: { type: 'Prometheus' } },
        },
      }),
    ).toEqual({
      kind: 'ratio',
      counter: true,
      ratioOf: 'bad',
      sourceTypes: ['Prometheus'],
    });
    expect(
      describeIndicator({
        thresholdMetric: { metricSource: { type: 'Datadog' } },
      }),
    ).toEqual({ kind: 'threshold', sourceTypes: ['Datadog'] });
    expect(describeIndicator({})).toEqual({ kind: 'unknown', sourceTypes: [] });
  });
});
