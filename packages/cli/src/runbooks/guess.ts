import type { RunbookSeverity } from '@unyo/plugin-ops-common';

const TITLE_SEVERITY = /^(critical|high|medium|low)\b/i;
const P_LEVEL = /(?:^|[^A-Za-z0-9])(P[1-4])(?![A-Za-z0-9])/;
const STATED_SEVERITY =
  /(?:severity|重要度|優先度|緊急度|インシデントレベル)\**\s*[:：]\s*\**\s*(critical|high|medium|low|P[1-4])\b/i;

/**
 * The severity a manual states for a runbook: a heading that starts with it
 * (`### Critical: サービス停止`), names a P level (`P1 対応`), or a line
 * `Severity: high` / `重要度: P2` in its text. Never guessed from anything
 * else.
 *
 * @public
 */
export function guessSeverity(
  title: string,
  text: string,
): RunbookSeverity | undefined {
  const fromTitle = TITLE_SEVERITY.exec(title)?.[1];
  if (fromTitle) return fromTitle.toLowerCase() as RunbookSeverity;
  const level = P_LEVEL.exec(title)?.[1] ?? STATED_SEVERITY.exec(text)?.[1];
  if (!level) return undefined;
  return (
    /^p/i.test(level) ? level.toUpperCase() : level.toLowerCase()
  ) as RunbookSeverity;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The alert names (from the manual's own alerting rules) that a runbook's
 * text mentions as a whole word, in the order of `known`.
 *
 * @public
 */
export function guessAlerts(known: string[], text: string): string[] {
  return [...new Set(known)].filter(name =>
    new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(name)}(?![A-Za-z0-9_])`).test(
      text,
    ),
  );
}
