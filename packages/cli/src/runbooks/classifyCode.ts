/**
 * What a fenced code block is to a runbook:
 * - `run`: a command, script or configuration an operator copies (`run`);
 * - `steps`: numbered plain-text lines, a procedure written inside a fence;
 * - `alert-rules`: Prometheus alerting rules (`- alert: Name`), a source of
 *   alert names rather than a step;
 * - `prose`: diagrams, sample responses and other text shown, not run.
 */
export type CodeKind = 'run' | 'steps' | 'alert-rules' | 'prose';

const PROSE_LANGUAGES = new Set([
  'json',
  'mermaid',
  'markdown',
  'md',
  'text',
  'txt',
  'plaintext',
  'output',
]);

const ALERT_RULE = /^\s*-?\s*alert:\s*["']?([A-Za-z_][A-Za-z0-9_:]*)/gm;

/** Alert names defined by a Prometheus rules block (`- alert: Foo`). */
export function alertRuleNames(code: string): string[] {
  return [...code.matchAll(ALERT_RULE)].map(m => m[1]);
}

export function classifyCode(
  language: string | undefined,
  code: string,
): CodeKind {
  const lang = language?.toLowerCase();
  if (lang && PROSE_LANGUAGES.has(lang)) {
    return 'prose';
  }
  if (/^\s*expr:/m.test(code) && alertRuleNames(code).length > 0) {
    return 'alert-rules';
  }
  if (!lang) {
    const lines = code.split('\n').filter(l => l.trim());
    // Without a language nothing says the text is a command: numbered lines
    // are a procedure, everything else (diagrams, policies) is shown as is.
    return lines.length > 0 && lines.every(l => /^\s*\d+[.)]\s+\S/.test(l))
      ? 'steps'
      : 'prose';
  }
  return 'run';
}
