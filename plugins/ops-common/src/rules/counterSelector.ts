import { parser } from '@prometheus-io/lezer-promql';
import { formatMatcher, SelectorMatcher } from '../alerts/selector';
import { readQuotedString } from '../promql/quotedString';
import { checkPromql } from './checkPromql';

/** A plain counter selector: a metric name and label matchers. @public */
export interface CounterSelector {
  metric: string;
  matchers: SelectorMatcher[];
  /** The selector as written into rules, values escaped. */
  text: string;
}

const OPS: Record<string, SelectorMatcher['op']> = {
  EqlSingle: '=',
  Neq: '!=',
  EqlRegex: '=~',
  NeqRegex: '!~',
};

/**
 * The spellings of a bucket boundary: Prometheus 3 writes `le="2"` as
 * `"2.0"`, so a rule matches both (docs/slo-math.md §2).
 */
function boundarySpellings(le: string): string[] {
  const value = Number(le);
  if (le === '+Inf' || !Number.isFinite(value)) return [le];
  const forms = new Set([le, String(value)]);
  if (Number.isInteger(value)) forms.add(`${value}.0`);
  return [...forms];
}

function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

function format(metric: string, matchers: SelectorMatcher[]): string {
  const written = matchers.map(m => {
    if (m.name !== 'le' || m.op !== '=') return formatMatcher(m);
    const forms = boundarySpellings(m.value);
    return forms.length === 1
      ? formatMatcher(m)
      : formatMatcher({
          ...m,
          op: '=~',
          value: forms.map(escapeRegex).join('|'),
        });
  });
  return written.length ? `${metric}{${written.join(',')}}` : metric;
}

/**
 * Reads a counter selector with the ecosystem's PromQL parser: a metric name
 * and label matchers, nothing else (no functions, ranges or offsets).
 *
 * @public
 */
export function parseCounterSelector(
  query: string,
): CounterSelector | { error: string } {
  const problem = checkPromql(query);
  if (problem) return { error: problem };
  const top = parser.parse(query).topNode.firstChild;
  if (!top || top.name !== 'VectorSelector' || top.nextSibling) {
    return { error: `"${query}" is an expression, not a selector` };
  }
  let metric = '';
  const matchers: SelectorMatcher[] = [];
  const text = (n: { from: number; to: number }) => query.slice(n.from, n.to);
  for (let n = top.firstChild; n; n = n.nextSibling) {
    if (n.name === 'Identifier') metric = text(n);
    if (n.name !== 'LabelMatchers') continue;
    for (let m = n.firstChild; m; m = m.nextSibling) {
      const name = m.getChild('LabelName');
      const op = m.getChild('MatchOp')?.firstChild;
      const literal = m.getChild('StringLiteral');
      if (!name || !op || !literal || !OPS[op.name]) {
        return { error: `"${text(m)}" is not a label matcher rules support` };
      }
      const value = readQuotedString(query, literal.from);
      if ('error' in value) return { error: value.error };
      matchers.push({ name: text(name), op: OPS[op.name], value: value.value });
    }
  }
  const nameIndex = matchers.findIndex(
    m => m.name === '__name__' && m.op === '=',
  );
  if (!metric && nameIndex >= 0) {
    metric = matchers[nameIndex].value;
    matchers.splice(nameIndex, 1);
  }
  if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(metric)) {
    return { error: `"${query}" has no metric name` };
  }
  return { metric, matchers, text: format(metric, matchers) };
}
