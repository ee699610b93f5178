import {
  formatSelector,
  ParsedSelector,
  parseSelector,
} from '../../prometheus/promql';

/**
 * A latency SLO counts the events of one histogram bucket as good, so its
 * `le` must be a bucket boundary that exists (docs/slo-math.md §1). Boundaries are
 * compared as numbers: Prometheus 3 writes `le="1"` as `"1.0"`.
 */
export interface BucketSelector {
  /** The selector of the bucket's series without `le`, to list boundaries. */
  seriesSelector: string;
  le: number;
  leText: string;
}

/** The `le` of a plain `le="…"` matcher, if the selector has one. */
export function bucketOf(selector: string): BucketSelector | undefined {
  const parsed = parseSelector(selector);
  const le = parsed.matchers.find(m => m.name === 'le' && m.op === '=');
  if (!le) return undefined;
  const rest: ParsedSelector = {
    metric: parsed.metric,
    matchers: parsed.matchers.filter(m => m !== le),
  };
  return {
    seriesSelector: formatSelector(rest),
    le: le.value === '+Inf' ? Infinity : Number(le.value),
    leText: le.value,
  };
}

/**
 * The selector with `le` spelled as the server spells the same boundary, or
 * an error naming the boundaries there are.
 */
export function matchBucket(
  selector: string,
  available: string[],
): { selector: string } | { error: string } {
  const bucket = bucketOf(selector);
  if (!bucket) return { selector };
  if (available.length === 0) {
    // No series yet: nothing to check against, and nothing to count either.
    return { selector };
  }
  const value = (text: string) => (text === '+Inf' ? Infinity : Number(text));
  const found = available.find(text => value(text) === bucket.le);
  if (found === undefined) {
    const sorted = [...available].sort((a, b) => value(a) - value(b));
    return {
      error: `le="${bucket.leText}" is not a bucket boundary of ${
        bucket.seriesSelector
      } (boundaries: ${sorted.join(
        ', ',
      )}): a latency threshold must equal an existing bucket`,
    };
  }
  if (found === bucket.leText) return { selector };
  const parsed = parseSelector(selector);
  return {
    selector: formatSelector({
      metric: parsed.metric,
      matchers: parsed.matchers.map(m =>
        m.name === 'le' && m.op === '=' ? { ...m, value: found } : m,
      ),
    }),
  };
}
