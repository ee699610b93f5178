import {
  effectiveSloTarget,
  SloReportVersion,
  SloVersion,
  sloVersionOnDay,
} from '@unyo/plugin-ops-common';
import { SloDailyRow } from '../rollups/dailyRollupTable';

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
 * with their days and attainment (oldest first).
 */
export function judgeByVersion(options: {
  versions: SloVersion[];
  rows: SloDailyRow[];
  firstDay: string;
  lastDay: string;
  /** The catalog's target, for days before any version (none: no versions). */
  fallbackTarget: number;
}): { target: number; spans: SloReportVersion[] } {
  const { versions, rows, firstDay, lastDay, fallbackTarget } = options;
  const byDay = new Map(rows.map(r => [r.day, r]));
  const weighted: Array<{ total: number; target: number }> = [];
  const spans: Array<SloReportVersion & { good: number; total: number }> = [];
  for (const day of daysBetween(firstDay, lastDay)) {
    const version = sloVersionOnDay(versions, day);
    const row = byDay.get(day);
    const target = version?.target ?? fallbackTarget;
    weighted.push({ total: row?.total ?? 0, target });
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
    span.good += row?.good ?? 0;
    span.total += row?.total ?? 0;
  }
  return {
    target: effectiveSloTarget(weighted, fallbackTarget),
    spans: spans.map(({ good, total, ...span }) => {
      const attainment = total > 0 ? good / total : null;
      return {
        ...span,
        attainment,
        met: attainment === null ? null : attainment >= span.target,
      };
    }),
  };
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
 * of the versions and one of the stored days.
 */
export async function judgeMonthByVersion(options: {
  versions: { list(refs: string[]): Promise<Map<string, SloVersion[]>> };
  daily: {
    getDaily(refs: string[], from: string, to: string): Promise<SloDailyRow[]>;
  };
  targets: Map<string, number>;
  month: string;
  now: Date;
}): Promise<Map<string, { target: number; spans: SloReportVersion[] }>> {
  const { month, now, targets } = options;
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
  const rows = await options.daily.getDaily(
    [...versionsOf.keys()],
    firstDay,
    lastDay,
  );
  for (const [ref, versions] of versionsOf) {
    judged.set(
      ref,
      judgeByVersion({
        versions,
        rows: rows.filter(r => r.sloRef === ref),
        firstDay,
        lastDay,
        fallbackTarget: targets.get(ref)!,
      }),
    );
  }
  return judged;
}
