import type {
  SloReportResponse,
  SloReportSummary,
} from '@unyo/plugin-ops-common';
import type { OpsApi, SloReportQuery } from '../../../api';
import type { SloReportFilterValues } from '../SloReportFilters';

/*
 * What the report asks for first, in a module of its own: the page's
 * extension imports it eagerly to start those requests while the page's
 * code is still loading (alpha/pages.tsx), and the report imports it to ask
 * for the same thing.
 */

/** Months of attainment in the sparkline. */
export const REPORT_MONTHS = 12;

/** Rows asked for at a time while scrolling. */
export const PAGE_SIZE = 200;

/** A Group's or System's report: that filter is fixed and not shown. */
export type SloReportScope = { owner?: string; system?: string };

function thisMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

/** The filters a report opens with. */
export function initialReportFilters(
  scope?: SloReportScope,
): SloReportFilterValues {
  return {
    month: thisMonth(),
    sort: 'name',
    order: 'asc',
    groupBy: scope?.owner ? 'system' : 'owner',
  };
}

/** The report's query for some filters. */
export function reportQuery(
  filters: SloReportFilterValues,
  scope?: SloReportScope,
): SloReportQuery {
  return { ...filters, ...scope, months: REPORT_MONTHS };
}

/** Identifies a query: answers are used only for the query asked. */
export function reportQueryKey(query: SloReportQuery): string {
  return JSON.stringify(query);
}

/** A request under way, with its answer once it has come. */
export interface Settling<T> {
  promise: Promise<T>;
  value?: T;
}

function settling<T>(promise: Promise<T>): Settling<T> {
  const s: Settling<T> = { promise };
  // The consumer awaits `promise` and shows its error; this only records
  // the answer, so a failure here is not reported twice.
  promise.then(
    value => {
      s.value = value;
    },
    () => undefined,
  );
  return s;
}

/** The first page of rows and the summary, asked for before the report drew. */
export interface SloReportPrefetch {
  /** `reportQueryKey` of the query the requests were for. */
  key: string;
  rows: Settling<SloReportResponse>;
  summary: Settling<SloReportSummary>;
}

/**
 * Starts the requests the organisation's report opens with. The report uses
 * them once, for the first load of that query; with the answers already
 * there it draws its rows in its first render.
 */
export function prefetchSloReport(
  opsApi: Pick<OpsApi, 'getSloReport' | 'getSloReportSummary'>,
): SloReportPrefetch {
  const query = reportQuery(initialReportFilters());
  return {
    key: reportQueryKey(query),
    rows: settling(
      opsApi.getSloReport({ ...query, limit: PAGE_SIZE, offset: 0 }),
    ),
    summary: settling(opsApi.getSloReportSummary({ month: query.month })),
  };
}
