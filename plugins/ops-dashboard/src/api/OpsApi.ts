import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  AlertHistorySummary,
  AlertsResponse,
  BackupCoverage,
  BackupsResponse,
  ChangeMarker,
  CreateSilenceRequest,
  HealthStatus,
  Silence,
  SloCorrection,
  SloCorrectionCategory,
  SloReportPolicyBand,
  SloReportResponse,
  SloReportSummary,
  SloStatus,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';

/**
 * The filters, order and page of the SLO report (`GET /api/ops/slo-report`);
 * refs are entity refs, `month` is `YYYY-MM` (UTC).
 *
 * @public
 */
export interface SloReportQuery {
  owner?: string;
  system?: string;
  month?: string;
  /** Months of attainment per row, ending with `month`. */
  months?: number;
  q?: string;
  policy?: SloReportPolicyBand;
  sort?: 'name' | 'attainment' | 'budget';
  order?: 'asc' | 'desc';
  groupBy?: 'owner' | 'system';
  limit?: number;
  offset?: number;
}

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
   * The live status of the journeys (CompositeSLOs) of a System or service
   * (`GET /api/ops/journeys?entityRef=R`).
   */
  getJourneys(entityRef: string): Promise<{ items: SloStatus[] }>;

  /**
   * The live status of one SLO with its burn-down history over the window
   * (`GET /api/ops/slos/{namespace}/{name}`).
   */
  getSlo(namespace: string, name: string): Promise<SloStatusWithHistory>;

  /**
   * The status and burn-down a draft SLO document (YAML or JSON, its SLI
   * inline) would have, evaluated now (`POST /api/ops/slos/preview`); 4xx
   * answers reject with their message, which names the field.
   */
  previewSlo(document: string): Promise<SloStatusWithHistory>;

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

  /**
   * The live status of each target of the BackupPolicies that protect an
   * entity, or of the policy itself (`GET /api/ops/backups?entityRef=R`).
   */
  getBackups(entityRef: string): Promise<BackupsResponse>;

  /**
   * Which database- and bucket-like entities of a system BackupPolicies
   * protect (`GET /api/ops/backups/coverage?entityRef=system:...`).
   */
  getBackupCoverage(systemRef: string): Promise<BackupCoverage>;

  /**
   * The change markers of an entity in a range of ISO instants, oldest first
   * (`GET /api/ops/changes?entityRef=R&from=&to=`).
   */
  getChanges(query: {
    entityRef: string;
    from?: string;
    to?: string;
  }): Promise<{ items: ChangeMarker[] }>;

  /** One page of the SLO report (`GET /api/ops/slo-report`). */
  getSloReport(query: SloReportQuery): Promise<SloReportResponse>;

  /** The report's summary (`GET /api/ops/slo-report/summary`). */
  getSloReportSummary(
    query: Pick<SloReportQuery, 'owner' | 'system' | 'month'>,
  ): Promise<SloReportSummary>;

  /** The report as CSV, every row (`GET /api/ops/slo-report?format=csv`). */
  getSloReportCsv(query: SloReportQuery): Promise<Blob>;

  /**
   * An SLO's error-budget corrections, the latest first
   * (`GET /api/ops/slos/{namespace}/{name}/corrections`).
   */
  getSloCorrections(
    namespace: string,
    name: string,
  ): Promise<{ items: SloCorrection[] }>;

  /**
   * Adds a correction (`POST …/corrections`, permission `ops.slo.correct`);
   * 4xx answers reject with their message.
   */
  createSloCorrection(
    namespace: string,
    name: string,
    request: CreateSloCorrectionRequest,
  ): Promise<SloCorrection>;

  /** Deletes one (`DELETE …/corrections/{id}`). */
  deleteSloCorrection(
    namespace: string,
    name: string,
    id: string,
  ): Promise<void>;
}

/**
 * What `POST /api/ops/slos/{namespace}/{name}/corrections` takes: ISO
 * instants, `end` after `start`.
 *
 * @public
 */
export interface CreateSloCorrectionRequest {
  start: string;
  end: string;
  category: SloCorrectionCategory;
  reason: string;
}

/**
 * The API reference of {@link OpsApi}.
 *
 * @public
 */
export const opsApiRef = createApiRef<OpsApi>({
  id: 'plugin.ops-dashboard.ops',
});
