import { resetAdjustedIncrease } from './counters';
import { mttrMinutes } from './mttr';

describe('resetAdjustedIncrease', () => {
  it('E9: treats a drop as a restart from 0 (not last − first = 50)', () => {
    // The reference example lists the terms 100 + 100 + 50 + 100 but states 450;
    // those terms (and its §7 formula) sum to 350.
    expect(resetAdjustedIncrease([100, 200, 300, 50, 150])).toBe(350);
  });

  it('handles no or one sample and skips gaps', () => {
    expect(resetAdjustedIncrease([])).toBe(0);
    expect(resetAdjustedIncrease([42])).toBe(0);
    expect(resetAdjustedIncrease([10, NaN, 15])).toBe(5);
  });
});

describe('mttrMinutes', () => {
  const incident = (start: string, minutes: number) => ({
    startedAt: start,
    resolvedAt: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
  });

  it('E11: incidents of 12, 45 and 18 minutes give 25', () => {
    expect(
      mttrMinutes([
        incident('2025-02-01T10:00:00Z', 12),
        incident('2025-02-03T08:30:00Z', 45),
        incident('2025-02-10T23:50:00Z', 18),
        { startedAt: '2025-02-14T09:00:00Z' },
      ]),
    ).toBe(25);
  });

  it('E11: is null (n/a) without resolved incidents', () => {
    expect(mttrMinutes([])).toBeNull();
    expect(
      mttrMinutes([{ startedAt: '2025-02-14T09:00:00Z', resolvedAt: null }]),
    ).toBeNull();
  });
});
