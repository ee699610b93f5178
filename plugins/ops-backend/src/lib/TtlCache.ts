/**
 * A small per-process cache with a time to live that also shares in-flight
 * loads, so a page whose cards ask at once costs one upstream request.
 *
 * In memory rather than Backstage's cache service on purpose: the values are
 * live answers of Alertmanager and Prometheus kept for seconds, large (a
 * busy Alertmanager returns thousands of alerts) and cheap to fetch again;
 * serialising them into a shared store on every miss would cost more than it
 * saves, and a replica being a few seconds behind another is harmless.
 * Failures are not cached: the next view asks again. A load is shared
 * until it answers, and its time to live counts from then.
 *
 * With `staleMs`, a value that expired less than `staleMs` ago is still
 * answered at once while one reload runs behind it (stale while
 * revalidate): for loads that take seconds, such as a year of rollups, the
 * first view after each expiry does not wait for them.
 */
export class TtlCache<T> {
  private readonly entries = new Map<
    string,
    { expires: number; value: Promise<T>; reloading?: boolean }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    private readonly staleMs = 0,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (hit && hit.expires + this.staleMs > now) {
      if (!hit.reloading) this.reload(key, hit, load);
      return hit.value;
    }
    if (this.entries.size >= this.maxEntries) {
      for (const [k, e] of this.entries) {
        if (e.expires <= now) this.entries.delete(k);
      }
      if (this.entries.size >= this.maxEntries) this.entries.clear();
    }
    const value = load();
    // Shared until it answers, however long it takes (loads time out on
    // their own): a slow load is not started again beside itself.
    const entry = { expires: Infinity, value };
    this.entries.set(key, entry);
    value.then(
      () => {
        // The time to live counts from the answer: a load of 20 s (a year
        // of 30,000 SLOs, cold) is not stale 10 s after it arrived.
        entry.expires = Date.now() + this.ttlMs;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  /** Replaces a stale entry once its reload succeeds; keeps it if it fails. */
  private reload(
    key: string,
    entry: { expires: number; value: Promise<T>; reloading?: boolean },
    load: () => Promise<T>,
  ): void {
    entry.reloading = true;
    const value = load();
    value.then(
      () => {
        if (this.entries.get(key) === entry) {
          this.entries.set(key, { expires: Date.now() + this.ttlMs, value });
        }
      },
      () => {
        entry.reloading = false;
      },
    );
  }

  /** Forgets everything, e.g. after a silence changed what is suppressed. */
  clear(): void {
    this.entries.clear();
  }
}
