import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  SloReportItem,
  SloReportResponse,
  SloReportSummary,
} from '@unyo/plugin-ops-common';
import { TtlCache } from '../../lib/TtlCache';
import { SloReportFilter, SloService } from '../SloService';
import { DatabaseSloCorrectionStore } from '../corrections/DatabaseSloCorrectionStore';
import { monthOf, monthsEnding } from './months';
import { monthRange } from './monthlyStatus';
import { MonthlyRollups } from '../rollups/MonthlyRollups';
import { ReportQuery } from './reportQuery';
import { SloVersions } from '../versions/SloVersionStore';
import { selectRows, summarizeRows, withMonthly } from './reportRows';
import {
  BackupCoverageSource,
  ReportMttrSource,
  SloReportService,
} from './SloReportService';

/** How long expired rows may still be answered while they are built again. */
const ROWS_STALE_MS = 5 * 60 * 1000;

/**
 * The report from the SLO service's statuses (stored evaluations, or a
 * month of stored days) and the monthly sums of the daily rollups, so a
 * year of attainment does not depend on Prometheus' retention.
 */
export class DefaultSloReportService implements SloReportService {
  /**
   * The rows of one caller and filter for a short while: the page asks for
   * the same rows again on every scroll, search and sort, and the figures
   * (stored evaluations, daily rollups) change once per evaluation round.
   * Rows expired less than five minutes ago are still answered at once
   * while they are built again: building them reads the catalog and every
   * SLO's status (almost a second at 2,000 SLOs), which the first viewer
   * after each expiry would otherwise wait for.
   */
  private readonly rows: TtlCache<SloReportItem[]>;
  /** The same rows with their months of attainment (`withMonthly`). */
  private readonly withMonths: TtlCache<SloReportItem[]>;

  constructor(
    private readonly options: {
      slos: SloService;
      rollups: MonthlyRollups;
      mttr?: ReportMttrSource;
      /** Unset until the backup feature provides it: shown "not available". */
      backupCoverage?: BackupCoverageSource;
      /** Error-budget corrections, listed with the rows of their month. */
      corrections?: Pick<DatabaseSloCorrectionStore, 'overlapping'>;
      /** SLO versions, to mark the months a version started. */
      versions?: SloVersions;
      now?: () => Date;
      /** How long rows are reused; 30 s by default, 0 not at all. */
      cacheTtlMs?: number;
    },
  ) {
    const ttlMs = options.cacheTtlMs ?? 30_000;
    this.rows = new TtlCache(ttlMs, 200, ttlMs > 0 ? ROWS_STALE_MS : 0);
    this.withMonths = new TtlCache(ttlMs, 200, ttlMs > 0 ? ROWS_STALE_MS : 0);
  }

  private report(
    filter: SloReportFilter,
    credentials: BackstageCredentials,
  ): Promise<SloReportItem[]> {
    // Per principal: what the catalog lets the caller see differs.
    const key = JSON.stringify([
      credentials.principal,
      filter.owner,
      filter.system,
      filter.month,
    ]);
    return this.rows.get(key, () =>
      this.options.slos.report(filter, credentials),
    );
  }

  async list(
    query: Omit<ReportQuery, 'format'>,
    credentials: BackstageCredentials,
  ): Promise<SloReportResponse> {
    const { rollups } = this.options;
    const { owner, system, month, months, limit, offset } = query;
    let items = await this.report({ owner, system, month }, credentials);
    if (months > 0) {
      const series = monthsEnding(month ?? monthOf(this.now()), months);
      const rows = items;
      // Each page asks for the same months of every row: attached once per
      // caller, filter and months, not for all rows on every page.
      items = await this.withMonths.get(
        JSON.stringify([
          credentials.principal,
          owner,
          system,
          series[0],
          series[series.length - 1],
        ]),
        async () => {
          const [totals, versions] = await Promise.all([
            rollups.totals(series[0], series[series.length - 1]),
            this.options.versions?.list(rows.map(i => i.ref)),
          ]);
          return withMonthly(rows, totals, series, versions);
        },
      );
    }
    const rows = selectRows(items, query);
    const page = rows.slice(
      offset,
      limit === undefined ? undefined : offset + limit,
    );
    return {
      items: await this.withCorrections(page, month ?? monthOf(this.now())),
      totalCount: rows.length,
    };
  }

  /** The rows of one page with the corrections overlapping the month. */
  private async withCorrections(
    items: SloReportItem[],
    month: string,
  ): Promise<SloReportItem[]> {
    const store = this.options.corrections;
    if (!store || items.length === 0) return items;
    const { start, end } = monthRange(month);
    const byRef = await store.overlapping(
      items.map(i => i.ref),
      start,
      end,
    );
    return items.map(item => {
      const corrections = byRef.get(item.ref);
      return corrections ? { ...item, corrections } : item;
    });
  }

  async summary(
    filter: SloReportFilter,
    credentials: BackstageCredentials,
  ): Promise<SloReportSummary> {
    const { mttr, backupCoverage } = this.options;
    const items = await this.report(filter, credentials);
    // Scoped reports count the scope's services; the whole organisation
    // asks the sources for everything at once.
    const scope =
      filter.owner || filter.system
        ? [...new Set(items.map(i => i.entityRef))]
        : undefined;
    const [mttrFigures, coverage] = await Promise.all([
      mttr ? mttr.mttr(scope, credentials) : null,
      backupCoverage ? backupCoverage.coverage(scope, credentials) : null,
    ]);
    return {
      month: filter.month ?? monthOf(this.now()),
      ...summarizeRows(items),
      mttr: mttrFigures,
      backupCoverage: coverage,
    };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
