import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  AlertHistorySummary,
  AlertsResponse,
  CreateSilenceRequest,
  HealthStatus,
  Silence,
  SloStatus,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';

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

  /**
   * The health of each endpoint in an entity's `unyo.dev/health-url`, with
   * the last 24 hours (`GET /api/ops/health?entityRef=R`).
   */
  getHealth(entityRef: string): Promise<{ items: HealthStatus[] }>;

  /**
   * The alerts and alert rules an entity's `unyo.dev/alert-selector` selects
   * (`GET /api/ops/alerts?entityRef=R`).
   */
  getAlerts(entityRef: string): Promise<AlertsResponse>;

  /** Alert counts and MTTR over 30 days (`GET /api/ops/alerts/history`). */
  getAlertHistory(entityRef: string): Promise<AlertHistorySummary>;

  /**
   * Creates an Alertmanager silence within the entity's selector
   * (`POST /api/ops/silences`); 4xx answers reject with their message.
   */
  createSilence(request: CreateSilenceRequest): Promise<{ silenceId: string }>;

  /** Active silences within the entity's selector (`GET /api/ops/silences`). */
  getSilences(entityRef: string): Promise<{ items: Silence[] }>;

  /** Expires one of them (`DELETE /api/ops/silences/{id}?entityRef=R`). */
  expireSilence(id: string, entityRef: string): Promise<void>;
}

/**
 * The API reference of {@link OpsApi}.
 *
 * @public
 */
export const opsApiRef = createApiRef<OpsApi>({
  id: 'plugin.ops-dashboard.ops',
});
