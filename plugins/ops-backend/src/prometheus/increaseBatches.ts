import { InputError } from '@backstage/errors';
import {
  LabelMatcher,
  ParsedSelector,
  escapeRegex,
  formatDuration,
  formatSelector,
  parseSelector,
  sumPrefix,
} from './promql';
import { InstantSample } from './types';

/** One selector to measure, under the caller's key (an SLO ref, say). */
export interface IncreaseRequest<K> {
  key: K;
  selector: string | ParsedSelector;
}

/** One query that answers the increase of several selectors of one shape. */
export interface IncreaseBatch<K> {
  query: string;
  /** The labels the query sums by, the ones whose values differ per member. */
  byLabels: string[];
  members: Array<{ key: K; values: Record<string, string> }>;
}

export interface IncreaseBatchOptions {
  /**
   * Labels whose `=` values may differ within a batch (e.g. `['service']`).
   * Selectors without an `=` matcher on each of them are queried alone.
   */
  byLabels: string[];
  /**
   * Most distinct value combinations per query: one huge query risks the
   * server's query timeout and sample limit (docs/slo-math.md §7). Default 100.
   */
  maxPerBatch?: number;
}

function matcherKey(m: LabelMatcher): string {
  return JSON.stringify([m.name, m.op, m.value]);
}

/**
 * Selectors grouped by shape, before a window is chosen: computed once and
 * turned into queries for each window with `increaseBatchesFor`.
 */
export interface IncreaseGroups<K> {
  byLabels: string[];
  shaped: Array<{
    base: ParsedSelector;
    members: Array<{ key: K; values: Record<string, string> }>;
  }>;
  /** Selectors without an `=` matcher on each label: one query each. */
  alone: Array<{ key: K; selector: ParsedSelector }>;
}

/**
 * Groups selectors that differ only in the values of `byLabels` into one
 * `sum by (<labels>) (increase(metric{label=~"a|b",...}[W]))` per shape, so
 * the number of queries per evaluation round grows with the shapes, not
 * with the services. `increase()` works per series, so each member's share
 * of the result equals what its own selector would give.
 */
export function batchIncreaseQueries<K>(
  requests: Array<IncreaseRequest<K>>,
  windowSeconds: number,
  options: IncreaseBatchOptions,
): Array<IncreaseBatch<K>> {
  return increaseBatchesFor(
    groupIncreaseRequests(requests, options),
    windowSeconds,
  );
}

/** The window-independent half of `batchIncreaseQueries`. */
export function groupIncreaseRequests<K>(
  requests: Array<IncreaseRequest<K>>,
  options: IncreaseBatchOptions,
): IncreaseGroups<K> {
  const { byLabels } = options;
  const maxPerBatch = options.maxPerBatch ?? 100;
  if (byLabels.length === 0) {
    throw new InputError('batchIncreaseQueries needs at least one label');
  }
  const shapes = new Map<
    string,
    {
      base: ParsedSelector;
      members: Array<{ key: K; values: Record<string, string> }>;
    }
  >();
  const alone: IncreaseGroups<K>['alone'] = [];

  for (const { key, selector } of requests) {
    const parsed =
      typeof selector === 'string' ? parseSelector(selector) : selector;
    const values: Record<string, string> = {};
    const rest: LabelMatcher[] = [];
    for (const m of parsed.matchers) {
      if (byLabels.includes(m.name) && m.op === '=' && !(m.name in values)) {
        values[m.name] = m.value;
      } else {
        rest.push(m);
      }
    }
    if (byLabels.some(label => !(label in values))) {
      alone.push({ key, selector: parsed });
      continue;
    }
    rest.sort((a, b) => matcherKey(a).localeCompare(matcherKey(b)));
    const shapeKey = JSON.stringify([parsed.metric, rest.map(matcherKey)]);
    const shape = shapes.get(shapeKey) ?? {
      base: { metric: parsed.metric, matchers: rest },
      members: [],
    };
    shape.members.push({ key, values });
    shapes.set(shapeKey, shape);
  }

  const shaped: IncreaseGroups<K>['shaped'] = [];
  for (const { base, members } of shapes.values()) {
    for (const chunk of chunkByCombination(members, byLabels, maxPerBatch)) {
      shaped.push({
        base: {
          metric: base.metric,
          matchers: [
            ...base.matchers,
            ...byLabels.map(label => regexMatcher(label, chunk)),
          ],
        },
        members: chunk,
      });
    }
  }
  return { byLabels, shaped, alone };
}

/** The queries of grouped selectors over a window of `windowSeconds`. */
export function increaseBatchesFor<K>(
  groups: IncreaseGroups<K>,
  windowSeconds: number,
): Array<IncreaseBatch<K>> {
  const range = formatDuration(windowSeconds);
  const sumByLabels = sumPrefix(groups.byLabels);
  return [
    ...groups.shaped.map(({ base, members }) => ({
      query: `${sumByLabels}(increase(${formatSelector(base)}[${range}]))`,
      byLabels: groups.byLabels,
      members,
    })),
    ...groups.alone.map(({ key, selector }) => ({
      query: `${sumPrefix()}(increase(${formatSelector(selector)}[${range}]))`,
      byLabels: [],
      members: [{ key, values: {} }],
    })),
  ];
}

function combination(values: Record<string, string>, labels: string[]) {
  return JSON.stringify(labels.map(l => values[l]));
}

/** Splits members so that each chunk holds at most `max` distinct combinations. */
function chunkByCombination<K>(
  members: Array<{ key: K; values: Record<string, string> }>,
  labels: string[],
  max: number,
) {
  const chunks: Array<typeof members> = [];
  const chunkOf = new Map<string, number>();
  let combosInLast = max;
  for (const member of members) {
    const combo = combination(member.values, labels);
    let index = chunkOf.get(combo);
    if (index === undefined) {
      if (combosInLast >= max) {
        chunks.push([]);
        combosInLast = 0;
      }
      index = chunks.length - 1;
      combosInLast++;
      chunkOf.set(combo, index);
    }
    chunks[index].push(member);
  }
  return chunks;
}

function regexMatcher(
  label: string,
  chunk: Array<{ values: Record<string, string> }>,
): LabelMatcher {
  const values = [...new Set(chunk.map(m => m.values[label]))].sort();
  return { name: label, op: '=~', value: values.map(escapeRegex).join('|') };
}

/**
 * Gives each member of a batch its value from the batch's result.
 * `undefined` means no series matched: whether that is 0 (no errors yet)
 * or no data (no traffic) is the caller's call (docs/slo-math.md §6).
 */
export function splitIncreaseResult<K>(
  batch: IncreaseBatch<K>,
  samples: InstantSample[],
): Map<K, number | undefined> {
  const byCombination = new Map<string, number>();
  for (const sample of samples) {
    // A label that is absent reads as "" in PromQL, and `label=""` matches it.
    const values = Object.fromEntries(
      batch.byLabels.map(l => [l, sample.labels[l] ?? '']),
    );
    byCombination.set(combination(values, batch.byLabels), sample.value);
  }
  return new Map(
    batch.members.map(({ key, values }) => [
      key,
      byCombination.get(combination(values, batch.byLabels)),
    ]),
  );
}
