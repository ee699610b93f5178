import { readQuotedString } from './quotedString';

/** A label matcher operator as PromQL and Alertmanager spell it. @public */
export type LabelMatcherOperator = '=' | '!=' | '=~' | '!~';

/**
 * One `name op "value"` read by {@link readLabelMatcher}, or where and why it
 * is not one. Callers word their own messages.
 *
 * @public
 */
export type LabelMatcherResult =
  | {
      name: string;
      op: LabelMatcherOperator;
      value: string;
      /** Index of the value's opening quote. */
      valueAt: number;
      /** Index just after the closing quote. */
      end: number;
    }
  | { problem: 'name'; at: number }
  | { problem: 'operator'; at: number; name: string }
  | { problem: 'value'; at: number; error: string };

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const OPERATOR = /^(=~|!~|!=|=)/;

function skipSpace(text: string, pos: number): number {
  let at = pos;
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

/**
 * Reads one label matcher at `start` (a label name, `=`, `!=`, `=~` or `!~`,
 * and a quoted value, spaces allowed between them): the one rule SLO
 * selectors and alert selectors share.
 *
 * @public
 */
export function readLabelMatcher(
  text: string,
  start: number,
): LabelMatcherResult {
  let pos = start;
  const name = LABEL_NAME.exec(text.slice(pos))?.[0];
  if (!name) return { problem: 'name', at: pos };
  pos = skipSpace(text, pos + name.length);
  const op = OPERATOR.exec(text.slice(pos))?.[0] as
    | LabelMatcherOperator
    | undefined;
  if (!op) return { problem: 'operator', at: pos, name };
  pos = skipSpace(text, pos + op.length);
  const read = readQuotedString(text, pos);
  if ('error' in read)
    return { problem: 'value', at: read.at, error: read.error };
  return { name, op, value: read.value, valueAt: pos, end: read.end };
}
