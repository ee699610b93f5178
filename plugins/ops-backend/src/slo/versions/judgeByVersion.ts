import {
  effectiveSloTarget,
  SloReportVersion,
  SloVersion,
  sloVersionOnDay,
} from '@unyo/plugin-ops-common';
import { appendTo } from '../../lib/appendTo';
import { countedOf, SloDailyRow } from '../rollups/dailyRollupTable';
import { MonthlyTotals } from '../rollups/monthlyRollupTable';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC days `from` to `to` inclusive, `YYYY-MM-DD`. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`);
    t <= Date.parse(`${to}T00:00:00Z`);
    t += DAY_MS
  ) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Stored days judged each against the version in force that day: the
 * target giving the same error budget over all of them, and the versions
 * with their days and attainment (oldest first). Counts are less what
 * corrections excluded, as the month's own attainment is.
 */
export function judgeByVersion(options: {
  versions: SloVersion[];
  rows: SloDailyRow[];
  /** The days judged, `YYYY-MM-DD`, oldest first. */
  days: string[];
  /** The catalog's target, for days before any version (none: no versions). */
  fallbackTarget: number;
}): { target: number; spans: SloReportVersion[] } {
  const { versions, rows, days, fallbackTarget } = options;
  const byDay = new Map(rows.map(r => [r.day, r]));
  const weighted: Array<{ total: number; target: number }> = [];
  const spans: Array<SloReportVersion & { good: number; total: number }> = [];
  for (const day of days) {
    const version = sloVersionOnDay(versions, day);
    const row = byDay.get(day);
    const { good, total } = row ? countedOf(row) : { good: 0, total: 0 };
    const target = version?.target ?? fallbackTarget;
    weighted.push({ total, target });
    if (!version) continue;
    let span = spans[spans.length - 1];
    if (span?.version !== version.version) {
      span = {
        ...version,
        firstDay: day,
        lastDay: day,
        attainment: null,
        met: null,
        good: 0,
        total: 0,
      };
      spans.push(span);
    }
    span.lastDay = day;
    span.good += good;
    span.total += total;
  }
  return {
    target: effectiveSloTarget(weighted, fallbackTarget),
    spans: spans.map(finishSpan),
  };
}

function finishSpan({
  good,
  total,
  ...span
}: SloReportVersion & { good: number; total: number }): SloReportVersion {
  const attainment = total > 0 ? good / total : null;
  return {
    ...span,
    attainment,
    met: attainment === null ? null : attainment >= span.target,
  };
}

/**
 * Whether the version in force changes between two days' starts (ms):
 * a later version began after the first day started and by the last.
 */
function changesWithin(versions: SloVersion[], from: number, to: number) {
  return versions.some((v, i) => {
    const since = Date.parse(v.since);
    return i > 0 && since > from && since <= to;
  });
}

/** Whether a version after the first started in `month` (`YYYY-MM`). */
export function versionStartedIn(
  versions: SloVersion[] | undefined,
  month: string,
): boolean {
  return !!versions?.some(v => v.version > 1 && v.since.startsWith(month));
}

/**
 * Each versioned SLO's judgement over `month` (up to `now`), from one read
 * of the versions. Only the SLOs whose version changed within the month
 * need their days (one read for all of them); the others are judged by
 * the one version in force from the month's sums (`totals`, less
 * corrections as the days are), which at 30,000 SLOs spares reading and
 * judging close to a million daily rows on every report.
 */
export async function judgeMonthByVersion(options: {
  versions: { list(refs: string[]): Promise<Map<string, SloVersion[]>> };
  daily: {
    getDaily(refs: string[], from: string, to: string): Promise<SloDailyRow[]>;
  };
  targets: Map<string, number>;
  /** The monthly sums (those of `month` are used); none: no traffic. */
  totals: MonthlyTotals;
  month: string;
  now: Date;
}): Promise<Map<string, { target: number; spans: SloReportVersion[] }>> {
  const { month, now, targets, totals } = options;
  const judged = new Map<
    string,
    { target: number; spans: SloReportVersion[] }
  >();
  const versionsOf = await options.versions.list([...targets.keys()]);
  if (!versionsOf.size) return judged;
  const firstDay = `${month}-01`;
  const [year, mon] = month.split('-').map(Number);
  const monthLast = new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  const lastDay = today < monthLast ? today : monthLast;
  if (lastDay < firstDay) return judged;
  const from = Date.parse(`${firstDay}T00:00:00Z`);
  const to = Date.parse(`${lastDay}T00:00:00Z`);

  const changing: string[] = [];
  for (const [ref, versions] of versionsOf) {
    if (changesWithin(versions, from, to)) {
      changing.push(ref);
      continue;
    }
    const version = sloVersionOnDay(versions, firstDay)!;
    const sums = totals.get(ref)?.get(month);
    const traffic = !!sums && sums.total > 0;
    judged.set(ref, {
      // What effectiveSloTarget gives when every day has the same target.
      target: traffic ? version.target : targets.get(ref)!,
      spans: [
        finishSpan({
          ...version,
          firstDay,
          lastDay,
          attainment: null,
          met: null,
          good: sums?.good ?? 0,
          total: sums?.total ?? 0,
        }),
      ],
    });
  }
  if (!changing.length) return judged;

  const rowsOf = new Map<string, SloDailyRow[]>();
  for (const row of await options.daily.getDaily(changing, firstDay, lastDay)) {
    appendTo(rowsOf, row.sloRef, row);
  }
  const days = daysBetween(firstDay, lastDay);
  for (const ref of changing) {
    judged.set(
      ref,
      judgeByVersion({
        versions: versionsOf.get(ref)!,
        rows: rowsOf.get(ref) ?? [],
        days,
        fallbackTarget: targets.get(ref)!,
      }),
    );
  }
  return judged;
}
