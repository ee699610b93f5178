import { digestPeriod } from './digestPeriod';

const period = (kind: 'weekly' | 'monthly', now: string) => {
  const p = digestPeriod(kind, new Date(now));
  return [p.key, p.start.toISOString(), p.end.toISOString()];
};

describe('digestPeriod', () => {
  it('weekly: the Monday-to-Monday UTC week before the one of the run, whatever day it runs', () => {
    const lastWeek = [
      '2026-11-23',
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
    ];
    // Monday morning, the Sunday night after, a late retry on Wednesday.
    expect(period('weekly', '2026-11-30T08:00:00Z')).toEqual(lastWeek);
    expect(period('weekly', '2026-12-06T23:59:59Z')).toEqual(lastWeek);
    expect(period('weekly', '2026-12-02T10:00:00Z')).toEqual(lastWeek);
    // Sunday is still in the week that started the Monday before.
    expect(period('weekly', '2026-11-29T23:00:00Z')[0]).toBe('2026-11-16');
  });

  it('monthly: the calendar month before the run, across a year end', () => {
    expect(period('monthly', '2026-12-01T08:00:00Z')).toEqual([
      '2026-11-01',
      '2026-11-01T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
    ]);
    expect(period('monthly', '2027-01-15T00:00:00Z')).toEqual([
      '2026-12-01',
      '2026-12-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
  });
});
