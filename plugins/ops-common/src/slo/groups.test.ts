import { compareGroupsWorstFirst, parseGroupBy } from './groups';
import { SloGroupStatus } from './types';

describe('parseGroupBy', () => {
  it('reads comma-separated label names', () => {
    expect(parseGroupBy('service')).toEqual(['service']);
    expect(parseGroupBy(' service , region ')).toEqual(['service', 'region']);
    expect(parseGroupBy(undefined)).toBeUndefined();
    expect(parseGroupBy('  ')).toBeUndefined();
  });

  it('refuses what is not a label name, naming the annotation', () => {
    for (const bad of ['service)', 'a-b', '1st', '__name__', 'a,,b', 'x"}']) {
      expect(() => parseGroupBy(bad)).toThrow(/^unyo\.dev\/group-by: /);
    }
    expect(() => parseGroupBy('a,a')).toThrow(/named twice/);
  });
});

describe('compareGroupsWorstFirst', () => {
  const group = (name: string, remaining?: number): SloGroupStatus => ({
    labels: { service: name },
    state: remaining === undefined ? 'no-data' : 'ok',
    ...(remaining !== undefined && {
      errorBudget: {
        total: 1,
        consumed: 1 - remaining,
        consumedRatio: 1 - remaining,
        remainingRatio: remaining,
      },
    }),
  });

  it('puts the least budget left first and groups without data last', () => {
    const sorted = [
      group('quiet'),
      group('fine', 0.9),
      group('burnt', -0.2),
      group('half', 0.5),
      group('also-fine', 0.9),
    ].sort(compareGroupsWorstFirst);
    expect(sorted.map(g => g.labels.service)).toEqual([
      'burnt',
      'half',
      'also-fine',
      'fine',
      'quiet',
    ]);
  });
});
