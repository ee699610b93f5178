/**
 * A small per-process cache with a time to live that also shares in-flight
 * loads, so a page whose cards ask at once costs one upstream request.
 *
 * In memory rather than Backstage's cache service on purpose: the values are
 * live answers of Alertmanager and Prometheus kept for seconds, large (a
 * busy Alertmanager returns thousands of alerts) and cheap to fetch again;
 * serialising them into a shared store on every miss would cost more than it
 * saves, and a replica being a few seconds behind another is harmless.
 * Failures are not cached: the next view asks again.
 */
export class TtlCache<T> {
  private readonly entries = new Map<
    string,
    { expires: number; value: Promise<T> }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.entries.size >= this.maxEntries) {
      for (const [k, e] of this.entries) {
        if (e.expires <= now) this.entries.delete(k);
      }
      if (this.entries.size >= this.maxEntries) this.entries.clear();
    }
    const value = load();
    this.entries.set(key, { expires: now + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets everything, e.g. after a silence changed what is suppressed. */
  clear(): void {
    this.entries.clear();
  }
}
