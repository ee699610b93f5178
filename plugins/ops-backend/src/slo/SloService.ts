import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  SloReportItem,
  SloStatus,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';

/** Filters of the SLO report; refs are full entity refs. */
export interface SloReportFilter {
  owner?: string;
  system?: string;
  /** `YYYY-MM`: attainment over that UTC month from stored days. */
  month?: string;
}

/** Reads SLO statuses, with the caller's catalog permissions. */
export interface SloService {
  /** The SLOs that measure `entityRef`; NotFoundError if it does not exist. */
  listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatus[]>;
  /** The journeys (CompositeSLOs) of `entityRef`; NotFoundError if it does not exist. */
  listJourneys(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatus[]>;
  /** One SLO with its burn-down history; NotFoundError if it does not exist. */
  get(
    sloRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatusWithHistory>;
  /** Every SLO the caller may read, with its owner and system, filtered. */
  report(
    filter: SloReportFilter,
    credentials: BackstageCredentials,
  ): Promise<SloReportItem[]>;
}
