import { Counts, CountsOrError } from './measureCounts';

/**
 * The first error of each SLO in one server's round. A part that failed
 * counts as zero so the other parts can still be summed; the SLO is
 * reported in error at the end.
 */
export class ErrorTally {
  private readonly errors = new Map<string, string>();

  fail = (ref: string, e: Error): void => {
    if (!this.errors.has(ref)) this.errors.set(ref, e.message);
  };

  /** The counts of `ref` in a measurement, zero when missing or failed. */
  take = (result: Map<string, CountsOrError>, ref: string): Counts => {
    const value = result.get(ref);
    if (!value) return { good: 0, total: 0 };
    if ('error' in value) {
      this.fail(ref, value.error);
      return { good: 0, total: 0 };
    }
    return value;
  };

  has(ref: string): boolean {
    return this.errors.has(ref);
  }

  get(ref: string): string | undefined {
    return this.errors.get(ref);
  }
}
