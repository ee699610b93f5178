import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { HealthStatus } from '@unyo/plugin-ops-common';

/** Reads the health of entities' endpoints, with the caller's catalog permissions. */
export interface HealthService {
  /**
   * One status per URL of the entity's `unyo.dev/health-url`, with the
   * 24-hour strip; NotFoundError if the entity does not exist.
   */
  listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<HealthStatus[]>;
}
