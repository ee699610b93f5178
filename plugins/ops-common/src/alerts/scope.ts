import { matcherOp, SelectorMatcher, formatMatcher } from './selector';
import type { AlertMatcher } from './types';

function sameMatcher(a: SelectorMatcher, b: AlertMatcher): boolean {
  return a.name === b.name && a.value === b.value && a.op === matcherOp(b);
}

/**
 * Why a silence would reach beyond an entity's selector, or undefined when it
 * stays within it. Every matcher of the selector must be in the silence
 * unchanged: the silence then matches a subset of what the selector matches,
 * whatever else it adds, so nobody silences another team's alerts.
 * (Comparing regexes for inclusion is undecidable in general; requiring the
 * very same matcher is the safe, explainable rule.)
 *
 * @public
 */
export function silenceOutsideSelector(
  selector: readonly SelectorMatcher[],
  silence: readonly AlertMatcher[],
): string | undefined {
  const missing = selector.filter(m => !silence.some(s => sameMatcher(m, s)));
  if (missing.length === 0) return undefined;
  return (
    `the silence must keep every matcher of the entity's alert selector ` +
    `unchanged, so that it only narrows it; missing: ${missing
      .map(formatMatcher)
      .join(', ')}`
  );
}

/** Whether an existing silence lies within the entity's selector. @public */
export function silenceWithinSelector(
  selector: readonly SelectorMatcher[],
  silence: readonly AlertMatcher[],
): boolean {
  return silenceOutsideSelector(selector, silence) === undefined;
}
