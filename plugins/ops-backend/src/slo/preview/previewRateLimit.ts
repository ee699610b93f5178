import { SloPreviewRateLimit } from '../../config/rateLimit';
import {
  describeWindow,
  TooManyRequestsError,
} from '../../lib/TooManyRequestsError';

/**
 * Counts each user's previews over the window, in this process: a preview
 * stores nothing to count from (unlike runbook executions), and per replica
 * is enough to keep one user from flooding Prometheus with draft queries.
 */
export class PreviewRateLimiter {
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly limit: SloPreviewRateLimit | undefined) {}

  /** Counts a preview by `actor`, or throws a TooManyRequestsError. */
  take(actor: string, now: Date): void {
    const limit = this.limit;
    if (!limit) return;
    const t = now.getTime();
    const recent = (this.starts.get(actor) ?? []).filter(
      s => s > t - limit.windowMs,
    );
    if (recent.length >= limit.maxPreviews) {
      // A slot frees when the oldest of the window leaves it.
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((recent[0] + limit.windowMs - t) / 1000),
      );
      this.starts.set(actor, recent);
      throw new TooManyRequestsError(
        `Rate limit: at most ${
          limit.maxPreviews
        } SLO previews per user in ${describeWindow(
          limit.windowMs,
        )} (ops.slo.preview.rateLimit); try again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      );
    }
    recent.push(t);
    this.starts.set(actor, recent);
    // Forget users whose previews all left the window.
    for (const [key, times] of this.starts) {
      if (times[times.length - 1] <= t - limit.windowMs)
        this.starts.delete(key);
    }
  }
}
