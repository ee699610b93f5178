import { bucketSamples, uptimeRatio } from './history';

describe('bucketSamples', () => {
  const now = new Date('2026-11-23T10:07:00Z');
  const at = (iso: string, status: any, latencyMs: number | null = 10) => ({
    url: 'u',
    checkedAt: new Date(iso),
    status,
    latencyMs,
  });

  it('makes 96 clock-aligned buckets, the last one holding now', () => {
    const strip = bucketSamples([], now);
    expect(strip).toHaveLength(96);
    expect(strip[95].t).toBe('2026-11-23T10:00:00.000Z');
    expect(strip[0].t).toBe('2026-11-22T10:15:00.000Z');
    expect(strip[0]).toEqual({
      t: '2026-11-22T10:15:00.000Z',
      status: 'unknown',
      latencyMs: null,
      probes: 0,
    });
  });

  it('keeps the worst status and the slowest probe of a bucket', () => {
    const strip = bucketSamples(
      [
        at('2026-11-23T09:46:00Z', 'up', 12),
        at('2026-11-23T09:50:00Z', 'down', null),
        at('2026-11-23T09:55:00Z', 'degraded', 300),
        at('2026-11-23T10:05:00Z', 'up', 8),
        at('2026-11-21T10:05:00Z', 'down', 8), // before the strip
      ],
      now,
    );
    expect(strip[94]).toEqual({
      t: '2026-11-23T09:45:00.000Z',
      status: 'down',
      latencyMs: 300,
      probes: 3,
    });
    expect(strip[95]).toMatchObject({ status: 'up', latencyMs: 8, probes: 1 });
    expect(strip.filter(p => p.probes > 0)).toHaveLength(2);
  });
});

describe('uptimeRatio', () => {
  it('is serving over known probes, null without any', () => {
    expect(uptimeRatio({ serving: 3, known: 4 })).toBe(0.75);
    expect(uptimeRatio({ serving: 0, known: 0 })).toBeNull();
    expect(uptimeRatio(undefined)).toBeNull();
  });
});
