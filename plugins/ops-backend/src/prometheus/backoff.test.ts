import { backoffDelayMs, parseRetryAfter } from './backoff';

const options = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelayMs', () => {
  it('doubles the ceiling per retry, up to the cap', () => {
    const top = () => 1;
    expect(
      [1, 2, 3, 4, 5].map(r => backoffDelayMs(r, options, undefined, top)),
    ).toEqual([100, 200, 400, 800, 1000]);
  });

  it('draws the delay below the ceiling (full jitter)', () => {
    expect(backoffDelayMs(3, options, undefined, () => 0.25)).toBe(100);
    expect(backoffDelayMs(3, options, undefined, () => 0)).toBe(0);
  });

  it('waits at least Retry-After, but never beyond the cap', () => {
    expect(backoffDelayMs(1, options, 700, () => 0)).toBe(700);
    expect(backoffDelayMs(1, options, 60_000, () => 0)).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
