import { SLO_REPORT_COLUMNS, SloReportItem } from '@unyo/plugin-ops-common';

export type { SloReportItem };

/** The CSV header: the ids of the page's columns. */
export const CSV_COLUMNS = SLO_REPORT_COLUMNS.map(c => c.id);

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
    SLO_REPORT_COLUMNS.map(column => cell(column.value(item))).join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
