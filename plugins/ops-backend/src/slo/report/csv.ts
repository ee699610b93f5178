import { SloStatus } from '@unyo/plugin-ops-common';

/** A report row: the status and where the SLO sits in the organisation. */
export type SloReportItem = SloStatus & { owner?: string; system?: string };

export const CSV_COLUMNS = [
  'ref',
  'title',
  'entityRef',
  'owner',
  'system',
  'target',
  'window',
  'state',
  'sli',
  'budgetRemaining',
  'policy',
  'evaluatedAt',
] as const;

function cell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  // RFC 4180: quote cells with separators, quotes or line breaks. Text (not
  // numbers) starting with = + - @ is prefixed so spreadsheets do not run it
  // as a formula.
  const safe =
    typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per SLO, with the columns of the report page. */
export function reportCsv(items: SloReportItem[]): string {
  const rows = items.map(item =>
    [
      item.ref,
      item.title,
      item.entityRef,
      item.owner,
      item.system,
      item.target,
      item.window.start && item.window.end
        ? `${item.window.start}/${item.window.end}`
        : item.window.duration,
      item.state,
      item.sli?.ratio,
      item.errorBudget?.remainingRatio,
      item.policy,
      item.evaluatedAt,
    ]
      .map(cell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
