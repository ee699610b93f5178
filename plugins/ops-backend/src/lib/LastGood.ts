/**
 * The last good answer of each source, kept in memory so that while the
 * source is down the page shows what it said last and how old that is.
 * Bounded: the oldest entry goes first.
 */
export class LastGood<T> {
  private readonly entries = new Map<string, { value: T; at: Date }>();

  constructor(private readonly maxEntries = 500) {}

  /**
   * `load()`'s value, remembered under `key`; when it fails, the value last
   * remembered and its time, with the error.
   */
  async read(
    key: string,
    load: () => Promise<T>,
    now: () => Date,
  ): Promise<{ value: T } | { error: Error; last?: { value: T; at: Date } }> {
    try {
      const value = await load();
      this.entries.delete(key);
      if (this.entries.size >= this.maxEntries) {
        this.entries.delete(this.entries.keys().next().value!);
      }
      this.entries.set(key, { value, at: now() });
      return { value };
    } catch (error) {
      return { error: error as Error, last: this.entries.get(key) };
    }
  }
}
