import { createApiRef } from '@backstage/frontend-plugin-api';
import type { SloStatus, SloStatusWithHistory } from '@unyo/plugin-ops-common';

/**
 * Whether one data source of the ops backend is configured, and under which
 * configuration key.
 *
 * @public
 */
export interface OpsSourceStatus {
  configured: boolean;
  /** The app-config key that configures this source, e.g. `ops.prometheus.servers`. */
  configKey: string;
}

/**
 * The answer of `GET /api/ops/status`: which data sources the ops backend has.
 *
 * @public
 */
export interface OpsStatus {
  sources: {
    prometheus: OpsSourceStatus & { servers: string[] };
    alertmanager: OpsSourceStatus & { servers: string[] };
    runbookTargets: OpsSourceStatus & { targets: string[] };
    backupSources: OpsSourceStatus & { sources: string[] };
    health: OpsSourceStatus;
  };
}

/**
 * Client of the Unyo ops backend (`/api/ops`).
 *
 * @public
 */
export interface OpsApi {
  /** Which data sources the ops backend has configured. */
  getStatus(): Promise<OpsStatus>;

  /**
   * The live status of the SLOs that measure an entity
   * (`GET /api/ops/slos?entityRef=R`).
   */
  getSlos(entityRef: string): Promise<{ items: SloStatus[] }>;

  /**
   * The live status of one SLO with its burn-down history over the window
   * (`GET /api/ops/slos/{namespace}/{name}`).
   */
  getSlo(namespace: string, name: string): Promise<SloStatusWithHistory>;
}

/**
 * The API reference of {@link OpsApi}.
 *
 * @public
 */
export const opsApiRef = createApiRef<OpsApi>({
  id: 'plugin.ops-dashboard.ops',
});
