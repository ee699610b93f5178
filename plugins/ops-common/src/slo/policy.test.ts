import { sloPolicyFloor } from './policy';

describe('sloPolicyFloor', () => {
  it('orders the states by the thresholds of the policy, worst last', () => {
    const thresholds = { featureFreezeBelow: 0.4, incidentOnlyBelow: 0.1 };
    const states = [
      'frozen',
      'normal',
      'incident-only',
      'feature-freeze',
    ] as const;
    const sorted = [...states].sort(
      (a, b) => sloPolicyFloor(b, thresholds) - sloPolicyFloor(a, thresholds),
    );
    expect(sorted).toEqual([
      'normal',
      'feature-freeze',
      'incident-only',
      'frozen',
    ]);
    expect(sloPolicyFloor('normal', thresholds)).toBe(0.4);
  });
});
