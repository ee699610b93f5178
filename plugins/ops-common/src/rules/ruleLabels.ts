import {
  anchoredRegex,
  matchesSelector,
  SelectorMatcher,
} from '../alerts/selector';

/** A regex that is only literal alternatives, e.g. `api|web`: its first one. */
function firstLiteral(regex: string): string | undefined {
  const first = regex.split('|')[0];
  return /^[\w\-./: ]*$/.test(first) && first ? first : undefined;
}

/**
 * Labels that make the entity's alert selector select a rule and its
 * alerts, or why none can (a regex without a literal value, say).
 */
export function labelsForSelector(
  matchers: readonly SelectorMatcher[],
  fixed: Record<string, string>,
): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const m of matchers) {
    if (m.name === 'alertname' || m.name in fixed) continue;
    if (m.op === '=') labels[m.name] = m.value;
    if (m.op === '=~' && !anchoredRegex(m.value).test('')) {
      const literal = firstLiteral(m.value);
      if (literal !== undefined) labels[m.name] = literal;
    }
  }
  const all = { ...labels, ...fixed };
  const failing = matchers.filter(m => !matchesSelector([m], all));
  if (failing.length) {
    return {
      error: `no label values satisfy ${failing
        .map(m => `${m.name}${m.op}"${m.value}"`)
        .join(', ')} of the alert selector`,
    };
  }
  return { labels };
}

/**
 * Text from the catalog in an annotation, which Prometheus reads as a Go
 * template: `{{` and `}}` are written as template strings so a title can
 * neither break the rule file nor run template code.
 */
export function escapeTemplate(text: string): string {
  return text.replace(/\{\{|\}\}/g, m => `{{ "${m}" }}`);
}
