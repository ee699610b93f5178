export interface RetryOptions {
  /** Attempts in all, the first one included. Default 3. */
  attempts: number;
  /** Delay before the first retry; it doubles with each retry. Default 250 ms. */
  baseDelayMs: number;
  /** Upper bound of one delay. Default 5 s. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
};

/**
 * Delay before retry number `retry` (1 for the first): exponential with "full
 * jitter", so that the backends of many SLO rounds that failed together do not
 * come back in lockstep. A server's Retry-After is honoured up to the cap.
 */
export function backoffDelayMs(
  retry: number,
  options: RetryOptions,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    options.maxDelayMs,
    options.baseDelayMs * 2 ** (retry - 1),
  );
  const jittered = Math.round(ceiling * random());
  return Math.min(options.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
