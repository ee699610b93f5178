import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { SloStatus, SloStatusWithHistory } from '@unyo/plugin-ops-common';

/** Reads SLO statuses, with the caller's catalog permissions. */
export interface SloService {
  /** The SLOs that measure `entityRef`; NotFoundError if it does not exist. */
  listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatus[]>;
  /** One SLO with its burn-down history; NotFoundError if it does not exist. */
  get(
    sloRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatusWithHistory>;
}
