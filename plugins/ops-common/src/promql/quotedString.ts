const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** Where a quoted string ends, or what is wrong with it. @public */
export type QuotedStringResult =
  | { value: string; end: number }
  | { error: string; at: number };

/**
 * Reads the PromQL string literal starting at `start`: double, single or
 * back quotes, with Go escapes (`\n`, `\x41`, `\u00e9`, `\101`) except in back
 * quotes. `end` is the index just after the closing quote. Label values in
 * SLO selectors and alert selectors are both read with it.
 *
 * @public
 */
export function readQuotedString(
  text: string,
  start: number,
): QuotedStringResult {
  const quote = text[start];
  if (quote !== '"' && quote !== "'" && quote !== '`') {
    return { error: 'expected a quoted value', at: start };
  }
  let pos = start + 1;
  let value = '';
  while (pos < text.length && text[pos] !== quote) {
    const ch = text[pos];
    if (quote === '`' || ch !== '\\') {
      if (ch === '\n' && quote !== '`') {
        return { error: 'unterminated string', at: pos };
      }
      value += ch;
      pos++;
      continue;
    }
    const next = text[pos + 1];
    if (next !== undefined && next in ESCAPES) {
      value += ESCAPES[next];
      pos += 2;
      continue;
    }
    const code =
      /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3}))/.exec(
        text.slice(pos + 1),
      );
    if (!code) return { error: 'invalid escape sequence', at: pos };
    value += String.fromCodePoint(
      code[4]
        ? parseInt(code[4], 8)
        : parseInt(code[1] ?? code[2] ?? code[3], 16),
    );
    pos += 1 + code[0].length;
  }
  if (pos >= text.length) return { error: 'unterminated string', at: pos };
  return { value, end: pos + 1 };
}
