import {
  SloReportItem,
  SloVersion,
  SloReportPolicyBand,
  SloReportSummary,
} from '@unyo/plugin-ops-common';
import { MonthlyTotals } from '../rollups/MonthlyRollups';
import { versionStartedIn } from '../versions/judgeByVersion';

export type ReportSort = 'name' | 'attainment' | 'budget';

/** How the rows of one report request are chosen and ordered. */
export interface ReportView {
  /** Case-insensitive, in the title and the ref. */
  q?: string;
  policy?: SloReportPolicyBand;
  sort: ReportSort;
  order: 'asc' | 'desc';
  /** Rows of one owner (system) together, in the order of the group's ref. */
  groupBy?: 'owner' | 'system';
}

/**
 * Adds each item's attainment over `months` (oldest first), marking the
 * months a new SLO version started.
 */
export function withMonthly(
  items: SloReportItem[],
  totals: MonthlyTotals,
  months: string[],
  versions: Map<string, SloVersion[]> = new Map(),
): SloReportItem[] {
  return items.map(item => {
    const of = totals.get(item.ref);
    return {
      ...item,
      monthly: months.map(month => {
        const t = of?.get(month);
        return {
          month,
          attainment: t && t.total > 0 ? t.good / t.total : null,
          ...(versionStartedIn(versions.get(item.ref), month) && {
            versionChanged: true,
          }),
        };
      }),
    };
  });
}

function sortValue(item: SloReportItem, sort: ReportSort) {
  if (sort === 'attainment') return item.sli?.ratio;
  if (sort === 'budget') return item.errorBudget?.remainingRatio;
  return (item.title ?? item.ref).toLocaleLowerCase();
}

function compare(
  a: string | number | undefined,
  b: string | number | undefined,
): number {
  // Rows without a value go last whichever the order.
  if (a === undefined || b === undefined) {
    return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Filters by `q` and `policy`, then sorts (within groups when grouped). */
export function selectRows(
  items: SloReportItem[],
  view: ReportView,
): SloReportItem[] {
  const q = view.q?.toLocaleLowerCase();
  const direction = view.order === 'desc' ? -1 : 1;
  return items
    .filter(
      item =>
        (!q ||
          item.ref.toLocaleLowerCase().includes(q) ||
          (item.title ?? '').toLocaleLowerCase().includes(q)) &&
        (!view.policy || (item.policy ?? 'none') === view.policy),
    )
    .sort((a, b) => {
      if (view.groupBy) {
        const byGroup = compare(a[view.groupBy], b[view.groupBy]);
        if (byGroup) return byGroup;
      }
      const va = sortValue(a, view.sort);
      const vb = sortValue(b, view.sort);
      const bySort =
        va === undefined || vb === undefined
          ? compare(va, vb)
          : direction * compare(va, vb);
      return bySort || a.ref.localeCompare(b.ref);
    });
}

/** The summary's SLO figures: policy bands and services meeting all SLOs. */
export function summarizeRows(
  items: SloReportItem[],
): Pick<SloReportSummary, 'totalSlos' | 'byPolicy' | 'services'> {
  const byPolicy: Record<SloReportPolicyBand, number> = {
    normal: 0,
    'feature-freeze': 0,
    'incident-only': 0,
    frozen: 0,
    none: 0,
  };
  const meets = new Map<string, boolean>();
  for (const item of items) {
    byPolicy[item.policy ?? 'none'] += 1;
    const met =
      item.state === 'ok' && !!item.sli && item.sli.ratio >= item.target;
    meets.set(item.entityRef, (meets.get(item.entityRef) ?? true) && met);
  }
  return {
    totalSlos: items.length,
    byPolicy,
    services: {
      total: meets.size,
      meetingAll: [...meets.values()].filter(Boolean).length,
    },
  };
}
