import { parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(parseDuration('15s')).toBe(15_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('6h')).toBe(21_600_000);
    expect(parseDuration('1.5d')).toBe(129_600_000);
    expect(parseDuration('30', 'd')).toBe(2_592_000_000);
    expect(() => parseDuration('5 minutes')).toThrow('not a duration');
  });
});
