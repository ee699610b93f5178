import {
  burnDownData,
  burnRateText,
  calendarPeriod,
  firingAlerts,
  formatNumber,
  ratioToPercentText,
  sliPercentText,
  windowSeverities,
} from './sloStatus';

describe('sloStatus helpers', () => {
  it('formats without clamping and with a real minus sign', () => {
    expect(ratioToPercentText(0.3)).toBe('30');
    expect(ratioToPercentText(1 - 50 / 43.2)).toBe('\u221215.7');
    expect(ratioToPercentText(-0.0001)).toBe('0');
    expect(formatNumber(43.2, 2)).toBe('43.2');
    expect(burnRateText(14.4)).toBe('14.4');
    expect(burnRateText(0.05)).toBe('0.05');
  });

  it('keeps the SLI on the right side of the target', () => {
    expect(sliPercentText(0.9993, 0.999)).toBe('99.93');
    expect(sliPercentText(0.99896, 0.999)).toBe('99.896');
    expect(sliPercentText(0.999, 0.999)).toBe('99.9');
    expect(sliPercentText(0.99999, 0.9999)).toBe('99.999');
  });

  it('orders firing alerts and marks their windows', () => {
    const alerts = [
      {
        severity: 'ticket' as const,
        longWindow: '1d' as const,
        shortWindow: '2h' as const,
        factor: 3,
        firing: true,
      },
      {
        severity: 'page' as const,
        longWindow: '1h' as const,
        shortWindow: '5m' as const,
        factor: 14.4,
        firing: true,
      },
      {
        severity: 'page' as const,
        longWindow: '6h' as const,
        shortWindow: '30m' as const,
        factor: 6,
        firing: false,
      },
    ];
    expect(firingAlerts(alerts).map(a => a.severity)).toEqual([
      'page',
      'ticket',
    ]);
    expect(windowSeverities(alerts)).toEqual({
      '1h': 'page',
      '5m': 'page',
      '1d': 'ticket',
      '2h': 'ticket',
    });
  });

  it('uses the real length of a calendar month for the ideal line', () => {
    const window = {
      duration: '1M',
      calendar: true,
      timeZone: 'UTC',
      start: '2025-02-01T00:00:00Z',
    };
    expect(calendarPeriod(window)).toEqual({
      start: Date.parse('2025-02-01T00:00:00Z'),
      end: Date.parse('2025-03-01T00:00:00Z'),
    });
    const data = burnDownData(
      [
        {
          t: '2025-02-15T12:00:00Z',
          remainingRatio: 0.689286,
          sliRatio: 0.9994,
        },
        { t: '2025-02-01T00:00:00Z', remainingRatio: 1, sliRatio: null },
      ],
      window,
    );
    expect(data.map(d => d.time)).toEqual([
      Date.parse('2025-02-01T00:00:00Z'),
      Date.parse('2025-02-15T12:00:00Z'),
      Date.parse('2025-03-01T00:00:00Z'),
    ]);
    // E10: elapsed 14.5 / 28 days → ideal 48.2143 %
    expect(data[1].ideal).toBeCloseTo(48.2143, 3);
    expect(data[1].remaining).toBeCloseTo(68.9286, 3);
    expect(data[0].sli).toBeNull();
    expect(data[2]).toMatchObject({ remaining: null, ideal: 0 });
  });

  it('draws no ideal line for rolling windows', () => {
    const data = burnDownData(
      [{ t: '2025-02-15T00:00:00Z', remainingRatio: -0.157, sliRatio: 0.9988 }],
      { duration: '30d', calendar: false },
    );
    expect(data).toEqual([
      {
        time: Date.parse('2025-02-15T00:00:00Z'),
        remaining: -15.7,
        sli: 99.88,
        ideal: undefined,
      },
    ]);
  });
});
