import { allowedDowntimeMinutes } from './allowedDowntime';
import { resolveWindow } from './window';

const DAY = 1440;

describe('allowedDowntimeMinutes (E2)', () => {
  it.each([
    [999000, 30, 43.2],
    [999000, 31, 44.64],
    [999000, 28, 40.32],
    [999000, 30.4375, 43.83],
    [999500, 30, 21.6],
    [999500, 31, 22.32],
    [999500, 28, 20.16],
    [990000, 30, 432],
    [999900, 30, 4.32],
  ])('%d ppm over %d days allows %d minutes', (ppm, days, minutes) => {
    expect(
      Math.abs(allowedDowntimeMinutes(ppm, days * DAY) - minutes),
    ).toBeLessThan(1e-6);
  });

  it('gives 43.2 exactly for 99.9 % of 30 days', () => {
    expect(allowedDowntimeMinutes(999000, 30 * DAY)).toBe(43.2);
  });

  it('uses the real length of a Europe/Berlin March (743 h → 44.58, not 44.64)', () => {
    const march = resolveWindow(
      {
        duration: '1M',
        isRolling: false,
        calendar: {
          startTime: '2025-01-01 00:00:00',
          timeZone: 'Europe/Berlin',
        },
      },
      new Date('2025-03-20T12:00:00Z'),
    );
    const minutes = allowedDowntimeMinutes(999000, march.periodSeconds / 60);
    expect(Math.abs(minutes - 44.58)).toBeLessThan(1e-6);
  });
});
