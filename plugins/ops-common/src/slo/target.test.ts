import {
  budgetFraction,
  objectiveTargetPpm,
  ppmToTarget,
  targetToPpm,
} from './target';

describe('targetToPpm', () => {
  it('turns targets into integer parts per million', () => {
    expect(targetToPpm(0.999)).toBe(999000);
    expect(targetToPpm(0.9995)).toBe(999500);
    expect(targetToPpm(0.99)).toBe(990000);
    expect(targetToPpm(0)).toBe(0);
  });

  it('rejects targets outside [0, 1)', () => {
    expect(() => targetToPpm(1)).toThrow('SLO target 1 is not in [0, 1)');
    expect(() => targetToPpm(99.9)).toThrow(RangeError);
    expect(() => targetToPpm(NaN)).toThrow(RangeError);
  });

  it('reads target or targetPercent of an objective', () => {
    expect(objectiveTargetPpm({ target: 0.999 })).toBe(999000);
    expect(objectiveTargetPpm({ targetPercent: 99.9 })).toBe(999000);
    expect(objectiveTargetPpm({ targetPercent: 99.95 })).toBe(999500);
    expect(() => objectiveTargetPpm({})).toThrow(
      'SLO objective has neither target nor targetPercent',
    );
  });

  it('gives the budget fraction as the exact decimal', () => {
    // 1 - 0.999 would be 0.0010000000000000009.
    expect(budgetFraction(999000)).toBe(0.001);
    expect(budgetFraction(999500)).toBe(0.0005);
    expect(ppmToTarget(999000)).toBe(0.999);
  });
});
