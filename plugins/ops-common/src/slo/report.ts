import type { SloCorrection } from './corrections';
import type { SloPolicy, SloStatus } from './types';
import type { SloVersion } from './versions';

/** An SLO's attainment (good / total) over one UTC month. @public */
export interface SloMonthlyAttainment {
  /** `YYYY-MM`. */
  month: string;
  /** null: no stored days (or no traffic) that month. */
  attainment: number | null;
  /** true when a new SLO version started that month (target, window or queries changed). */
  versionChanged?: boolean;
}

/**
 * An SLO version as a month's report judges it: the days of the month it
 * was in force, and its attainment over them against its own target.
 *
 * @public
 */
export interface SloReportVersion extends SloVersion {
  /** `YYYY-MM-DD`, UTC: the first and last day of the month judged by this version. */
  firstDay: string;
  lastDay: string;
  /** null: no traffic stored on those days. */
  attainment: number | null;
  /** attainment ≥ this version's target; null without traffic. */
  met: boolean | null;
}

/**
 * A row of the SLO report (`GET /api/ops/slo-report`): the status and where
 * the SLO sits in the organisation; `monthly` when `months` was asked for,
 * oldest first, ending with the report's month.
 *
 * @public
 */
export type SloReportItem = SloStatus & {
  owner?: string;
  system?: string;
  monthly?: SloMonthlyAttainment[];
  /**
   * With `month`, when more than one version of the SLO was in force that
   * month: each with its days, oldest first. The month is then judged day
   * by day against the version in force each day.
   */
  versions?: SloReportVersion[];
  /** The SLO's error-budget corrections overlapping the report's month. */
  corrections?: SloCorrection[];
};

/** `GET /api/ops/slo-report` (JSON). @public */
export interface SloReportResponse {
  items: SloReportItem[];
  /** Rows matching the filters before `limit`/`offset`. */
  totalCount: number;
}

/** The policy bands of the summary; `none` has no budget (no data, error). @public */
export type SloReportPolicyBand = SloPolicy | 'none';

/** `GET /api/ops/slo-report/summary`. @public */
export interface SloReportSummary {
  /** `YYYY-MM` the figures are for. */
  month: string;
  totalSlos: number;
  byPolicy: Record<SloReportPolicyBand, number>;
  /** Measured entities, and those whose every SLO has attainment ≥ target. */
  services: { total: number; meetingAll: number };
  /** null: the alert history is not available. */
  mttr: {
    minutes: number | null;
    resolved: number;
    windowDays: number;
  } | null;
  /** null: backup coverage is not available. */
  backupCoverage: { covered: number; total: number } | null;
}

/**
 * One column of the report: the page's table and the CSV export are both
 * made from {@link SLO_REPORT_COLUMNS}, so they cannot drift apart.
 *
 * @public
 */
export interface SloReportColumn {
  /** CSV header and the page's column key. */
  id: string;
  /** The raw value of the cell (the page formats it, CSV writes it). */
  value(item: SloReportItem): string | number | undefined;
}

/** The columns of the SLO report, in order. @public */
export const SLO_REPORT_COLUMNS: readonly SloReportColumn[] = Object.freeze([
  { id: 'title', value: (i: SloReportItem) => i.title ?? i.ref },
  { id: 'ref', value: (i: SloReportItem) => i.ref },
  { id: 'entityRef', value: (i: SloReportItem) => i.entityRef },
  { id: 'owner', value: (i: SloReportItem) => i.owner },
  { id: 'system', value: (i: SloReportItem) => i.system },
  { id: 'target', value: (i: SloReportItem) => i.target },
  { id: 'attainment', value: (i: SloReportItem) => i.sli?.ratio },
  {
    id: 'budgetRemaining',
    value: (i: SloReportItem) => i.errorBudget?.remainingRatio,
  },
  { id: 'policy', value: (i: SloReportItem) => i.policy },
  { id: 'state', value: (i: SloReportItem) => i.state },
  {
    id: 'monthly',
    // `2025-12=0.9991 2026-01=` : one cell, months oldest first.
    value: (i: SloReportItem) =>
      i.monthly
        ?.map(m => `${m.month}=${m.attainment === null ? '' : m.attainment}`)
        .join(' '),
  },
]);
