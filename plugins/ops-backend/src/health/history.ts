import {
  HealthHistoryPoint,
  HealthState,
  worstHealthState,
} from '@unyo/plugin-ops-common';
import { HealthSample, UptimeCounts } from './HealthStore';

export const HOUR_MS = 60 * 60 * 1000;
/** The strip: 24 hours in 96 buckets of 15 minutes. */
export const STRIP_HOURS = 24;
export const STRIP_BUCKET_MS = 15 * 60 * 1000;

/** A bucket of the strip, with how many probes it holds (0: no data). */
export type HealthStripPoint = HealthHistoryPoint & { probes: number };

/**
 * The last 24 hours of one URL in 15-minute buckets aligned to the clock,
 * oldest first: each bucket has the worst status and the slowest probe in
 * it, so a short outage is not averaged away. Empty buckets say `unknown`
 * with `probes: 0`.
 */
export function bucketSamples(
  samples: HealthSample[],
  now: Date,
): HealthStripPoint[] {
  const end = Math.floor(now.getTime() / STRIP_BUCKET_MS) * STRIP_BUCKET_MS;
  const count = (STRIP_HOURS * HOUR_MS) / STRIP_BUCKET_MS;
  const start = end - (count - 1) * STRIP_BUCKET_MS;
  const buckets = Array.from({ length: count }, (_, i) => ({
    t: start + i * STRIP_BUCKET_MS,
    states: [] as HealthState[],
    latencyMs: null as number | null,
  }));
  for (const sample of samples) {
    const index = Math.floor(
      (sample.checkedAt.getTime() - start) / STRIP_BUCKET_MS,
    );
    const bucket = buckets[index];
    if (!bucket) continue;
    bucket.states.push(sample.status);
    if (
      sample.latencyMs !== null &&
      (bucket.latencyMs === null || sample.latencyMs > bucket.latencyMs)
    ) {
      bucket.latencyMs = sample.latencyMs;
    }
  }
  return buckets.map(b => ({
    t: new Date(b.t).toISOString(),
    status: b.states.length > 0 ? worstHealthState(b.states) : 'unknown',
    latencyMs: b.latencyMs,
    probes: b.states.length,
  }));
}

/** Uptime as a ratio, or null when no probe could tell. */
export function uptimeRatio(counts: UptimeCounts | undefined): number | null {
  if (!counts || counts.known === 0) return null;
  return counts.serving / counts.known;
}
