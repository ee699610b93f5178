import { SloEntity } from '@unyo/plugin-ops-common';
import { describeSlo } from '../describeSlo';
import { monthlyStatus, monthWindow } from './monthlyStatus';

const description = (target: number) =>
  describeSlo({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'pay-availability', namespace: 'default' },
    spec: {
      service: 'pay',
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target }],
    },
  } as SloEntity);

describe('monthWindow', () => {
  it('is the UTC month, elapsed up to now while it runs, whole once it is over', () => {
    const running = monthWindow('2026-02', new Date('2026-02-08T00:00:00Z'));
    expect(running.start).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(running.end).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(running.elapsedRatio).toBeCloseTo(7 / 28, 12);

    const over = monthWindow('2026-02', new Date('2026-05-20T00:00:00Z'));
    expect(over.start).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(over.end).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(over.elapsedRatio).toBeCloseTo(1, 6);
  });
});

describe('monthlyStatus', () => {
  it.each([
    ['a month under way', '2026-12-07T10:00:00Z'],
    ['a finished month', '2027-01-15T00:00:00Z'],
  ])(
    'gives every SLO of %s the same status with the window resolved once as with its own',
    (_, at) => {
      const now = new Date(at);
      const window = monthWindow('2026-12', now);
      let seed = 5;
      const next = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      for (let i = 0; i < 200; i++) {
        const total = Math.floor(next() * 1e6);
        const options = {
          description: description(0.99 + next() * 0.0099),
          totals:
            i % 17 === 0
              ? undefined
              : {
                  good: total - Math.floor(next() * total * 0.02),
                  total,
                  days: 7,
                },
          month: '2026-12',
          now,
        };
        expect(monthlyStatus({ ...options, window })).toEqual(
          monthlyStatus(options),
        );
      }
    },
  );
});
