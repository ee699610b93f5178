import { parser } from '@prometheus-io/lezer-promql';
import { readQuotedString } from '../quotedString';

/** Longer queries are refused before parsing: SLI queries are short. */
const MAX_QUERY_LENGTH = 10_000;

/**
 * A query the PromQL parser refuses; `message` says where and why, without
 * the field (callers add it). @public
 */
export class PromqlSyntaxError extends Error {
  readonly name = 'PromqlSyntaxError';
}

/** One node of a parsed query: its grammar name and where it is. @public */
export interface PromqlNode {
  name: string;
  from: number;
  to: number;
  /** The grammar name of the parent node; '' for the root. */
  parent: string;
}

/** A query parsed with the ecosystem's parser (`@prometheus-io/lezer-promql`). @public */
export interface ParsedPromql {
  text: string;
  /** Every node in document order (a tree walk, flattened). */
  nodes: PromqlNode[];
  /** The grammar name of the top expression, e.g. `VectorSelector`. */
  top: string;
}

function describeAt(text: string, at: number): string {
  const rest = text.slice(at).trimStart();
  if (!rest) return 'unexpected end of query';
  return `unexpected "${rest.slice(0, 20)}" at char ${at + 1}`;
}

/**
 * Parses PromQL with `@prometheus-io/lezer-promql`, the parser of the
 * Prometheus UI. Lezer recovers from errors by inserting error nodes; any
 * such node makes the query invalid, so a wrapped query can never be closed
 * early by the text it wraps.
 *
 * @public
 */
export function parsePromql(query: string): ParsedPromql {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new PromqlSyntaxError(
      `query is ${query.length} characters long; at most ${MAX_QUERY_LENGTH} are read`,
    );
  }
  if (query.trim() === '') {
    throw new PromqlSyntaxError('query is empty');
  }
  let tree: ReturnType<typeof parser.parse>;
  try {
    tree = parser.parse(query);
  } catch (e) {
    throw new PromqlSyntaxError(`cannot be parsed: ${(e as Error).message}`);
  }
  const nodes: PromqlNode[] = [];
  const stack: string[] = [];
  let error: number | undefined;
  tree.iterate({
    enter(node) {
      if (node.type.isError && error === undefined) error = node.from;
      nodes.push({
        name: node.name,
        from: node.from,
        to: node.to,
        parent: stack[stack.length - 1] ?? '',
      });
      stack.push(node.name);
    },
    leave() {
      stack.pop();
    },
  });
  if (error !== undefined) {
    throw new PromqlSyntaxError(`syntax error: ${describeAt(query, error)}`);
  }
  // The grammar's string token accepts an unterminated string at the end of
  // the text, which would swallow whatever is written after the query.
  for (const node of nodes.filter(n => n.name === 'StringLiteral')) {
    const read = readQuotedString(query, node.from);
    if ('error' in read || read.end !== node.to) {
      throw new PromqlSyntaxError(
        `syntax error: ${
          'error' in read ? read.error : 'unexpected string'
        } at char ${node.from + 1}`,
      );
    }
  }
  const top = nodes.find(
    n => n.parent === 'PromQL' && n.name !== 'LineComment',
  );
  if (!top) {
    throw new PromqlSyntaxError('query has no expression');
  }
  return { text: query, nodes, top: top.name };
}
