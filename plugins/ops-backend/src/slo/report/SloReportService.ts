import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  SloReportItem,
  SloReportResponse,
  SloReportSummary,
} from '@unyo/plugin-ops-common';
import { SloReportFilter } from '../SloService';
import { ReportQuery } from './reportQuery';

/** MTTR of the alerts of some entities (all of them when `entityRefs` is unset). */
export interface ReportMttrSource {
  mttr(
    entityRefs: string[] | undefined,
    credentials: BackstageCredentials,
  ): Promise<NonNullable<SloReportSummary['mttr']>>;
}

/** How many of some entities' backup targets are backed up within their RPO. */
export interface BackupCoverageSource {
  coverage(
    entityRefs: string[] | undefined,
    credentials: BackstageCredentials,
  ): Promise<NonNullable<SloReportSummary['backupCoverage']>>;
}

/** The SLO report (`GET /slo-report`, `GET /slo-report/summary`). */
export interface SloReportService {
  /** One page of rows; every row when `limit` is unset (CSV). */
  list(
    query: Omit<ReportQuery, 'format'>,
    credentials: BackstageCredentials,
  ): Promise<SloReportResponse>;
  summary(
    filter: SloReportFilter,
    credentials: BackstageCredentials,
  ): Promise<SloReportSummary>;
}

export type { SloReportItem };
