import { historySchedule } from './schedule';

describe('historySchedule', () => {
  it('uses the coarse step, then finer steps up to and including the end', () => {
    const times = historySchedule({
      startMs: 1_000,
      endMs: 3_600_000,
      stepMs: 600_000,
      finer: [
        { windowMs: 300_000, stepMs: 15_000 },
        { windowMs: 1_200_000, stepMs: 60_000 },
      ],
    });
    expect(times.slice(0, 4)).toEqual([
      600_000, 1_200_000, 1_800_000, 2_400_000,
    ]);
    expect(times.slice(4, 6)).toEqual([2_460_000, 2_520_000]);
    expect(times.filter(t => t > 3_300_000)).toHaveLength(20);
    expect(times[times.length - 1]).toBe(3_600_000);
    expect(times).toHaveLength(3 + 15 + 21);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('starts no earlier than the history', () => {
    const times = historySchedule({
      startMs: 3_000_000,
      endMs: 3_600_000,
      stepMs: 600_000,
      finer: [{ windowMs: 86_400_000, stepMs: 300_000 }],
    });
    expect(times).toEqual([3_000_000, 3_300_000, 3_600_000]);
  });
});
