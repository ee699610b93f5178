import { MONTH } from './monthlyStatus';

/** The UTC month of an instant, `YYYY-MM`. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** `count` months ending with `last` (`YYYY-MM`), oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const [, year, mon] = MONTH.exec(last)!;
  return Array.from({ length: count }, (_, i) =>
    monthOf(
      new Date(Date.UTC(Number(year), Number(mon) - 1 - (count - 1 - i), 1)),
    ),
  );
}
