import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  CONFIG_KEY_ALERTMANAGER,
  CONFIG_KEY_BACKUP_SOURCES,
  CONFIG_KEY_HEALTH,
  CONFIG_KEY_PROMETHEUS,
  CONFIG_KEY_RUNBOOK_TARGETS,
} from '../constants';
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
  SloReportResponse,
  SloReportSummary,
  SloStatus,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';
import { OpsApiClient, opsErrorDetails } from '@unyo/plugin-ops-react';
import {
  CreateSloCorrectionRequest,
  OpsApi,
  OpsSourceStatus,
  OpsStatus,
  SloReportQuery,
} from './OpsApi';

/**
 * An error answer of the ops backend: `message` is the backend's
 * `error.message`, `errorName` its `error.name` (e.g. `NotFoundError`).
 *
 * @public
 */
export class OpsApiError extends Error {
  readonly status: number;
  readonly errorName?: string;

  constructor(message: string, status: number, errorName?: string) {
    super(message);
    this.name = 'OpsApiError';
    this.status = status;
    this.errorName = errorName;
  }
}

const STATUS_CACHE_MS = 30_000;

function list<T>(value: T[] | undefined | null): T[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The default {@link OpsApi}: the generated client of `@unyo/plugin-ops-react`
 * (the backend found through the discovery API, called with the app's fetch
 * API, which adds the user's token), its answers read defensively and its
 * errors as {@link OpsApiError}.
 *
 * @public
 */
export class OpsClient implements OpsApi {
  private readonly client: OpsApiClient;
  private statusCache?: { at: number; promise: Promise<OpsStatus> };

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new OpsApiClient(options);
  }

  getStatus(): Promise<OpsStatus> {
    // Every card of an entity page asks for the status; share one request.
    const now = Date.now();
    if (this.statusCache && now - this.statusCache.at < STATUS_CACHE_MS) {
      return this.statusCache.promise;
    }
    const promise = this.call(c => c.getStatus()).then(normalizeStatus);
    this.statusCache = { at: now, promise };
    promise.catch(() => {
      this.statusCache = undefined;
    });
    return promise;
  }

  async getSlos(entityRef: string): Promise<{ items: SloStatus[] }> {
    const body = await this.call(c => c.listSlos({ query: { entityRef } }));
    return { items: list(body?.items) as SloStatus[] };
  }

  async getJourneys(entityRef: string): Promise<{ items: SloStatus[] }> {
    const body = await this.call(c => c.listJourneys({ query: { entityRef } }));
    return { items: list(body?.items) as SloStatus[] };
  }

  async getSlo(namespace: string, name: string): Promise<SloStatusWithHistory> {
    const body = (await this.call(c =>
      c.getSlo({ path: { namespace, name } }),
    )) as SloStatusWithHistory;
    return { ...body, history: list(body.history) };
  }

  async previewSlo(document: string): Promise<SloStatusWithHistory> {
    const body = (await this.call(c =>
      c.previewSlo({ body: { document } }),
    )) as SloStatusWithHistory;
    return { ...body, history: list(body.history) };
  }

  async getHealth(entityRef: string): Promise<{ items: HealthStatus[] }> {
    const body = await this.call(c => c.listHealth({ query: { entityRef } }));
    return { items: list(body?.items) as HealthStatus[] };
  }

  async getChanges(query: {
    entityRef: string;
    from?: string;
    to?: string;
  }): Promise<{ items: ChangeMarker[] }> {
    const body = await this.call(c => c.listChanges({ query }));
    return { items: list(body?.items) as ChangeMarker[] };
  }

  async getAlerts(entityRef: string): Promise<AlertsResponse> {
    const body = (await this.call(c =>
      c.listAlerts({ query: { entityRef } }),
    )) as Partial<AlertsResponse>;
    return {
      ...body,
      items: list(body.items),
      rules: list(body.rules),
      sourceErrors: list(body.sourceErrors),
      notConfigured: list(body.notConfigured),
      canSilence: body.canSilence === true,
    };
  }

  async getAlertHistory(entityRef: string): Promise<AlertHistorySummary> {
    return (await this.call(c =>
      c.getAlertHistory({ query: { entityRef } }),
    )) as AlertHistorySummary;
  }

  async createSilence(
    request: CreateSilenceRequest,
  ): Promise<{ silenceId: string }> {
    return await this.call(c => c.createSilence({ body: request }));
  }

  async getSilences(entityRef: string): Promise<{ items: Silence[] }> {
    const body = await this.call(c => c.listSilences({ query: { entityRef } }));
    return { items: list(body?.items) as Silence[] };
  }

  async expireSilence(id: string, entityRef: string): Promise<void> {
    await this.call(c =>
      c.expireSilence({ path: { id }, query: { entityRef } }),
    );
  }

  async getBackups(entityRef: string): Promise<BackupsResponse> {
    const body = await this.call(c => c.listBackups({ query: { entityRef } }));
    return { items: list(body?.items) as BackupsResponse['items'] };
  }

  async getBackupCoverage(systemRef: string): Promise<BackupCoverage> {
    const body = (await this.call(c =>
      c.getBackupCoverage({ query: { entityRef: systemRef } }),
    )) as Partial<BackupCoverage>;
    const items = list(body?.items);
    return {
      entityRef: body?.entityRef ?? systemRef,
      items,
      covered:
        typeof body?.covered === 'number'
          ? body.covered
          : items.filter(i => i.policies?.length > 0).length,
      total: typeof body?.total === 'number' ? body.total : items.length,
    };
  }

  async getSloReport(query: SloReportQuery): Promise<SloReportResponse> {
    const body = (await this.call(c =>
      c.getSloReport({ query: { ...query } }),
    )) as Partial<SloReportResponse>;
    const items = list(body?.items);
    return {
      items,
      totalCount:
        typeof body?.totalCount === 'number' ? body.totalCount : items.length,
    };
  }

  async getSloReportSummary(
    query: Pick<SloReportQuery, 'owner' | 'system' | 'month'>,
  ): Promise<SloReportSummary> {
    return (await this.call(c =>
      c.getSloReportSummary({ query: { ...query } }),
    )) as SloReportSummary;
  }

  async getSloReportCsv(query: SloReportQuery): Promise<Blob> {
    const { limit: _limit, offset: _offset, ...all } = query;
    return this.call(c =>
      c.getSloReportAsBlob({ query: { ...all, format: 'csv' } }),
    );
  }

  async getSloCorrections(
    namespace: string,
    name: string,
  ): Promise<{ items: SloCorrection[] }> {
    const body = await this.call(c =>
      c.listSloCorrections({ path: { namespace, name } }),
    );
    return { items: list(body?.items) as SloCorrection[] };
  }

  async createSloCorrection(
    namespace: string,
    name: string,
    request: CreateSloCorrectionRequest,
  ): Promise<SloCorrection> {
    return (await this.call(c =>
      c.createSloCorrection({ path: { namespace, name }, body: request }),
    )) as SloCorrection;
  }

  async deleteSloCorrection(
    namespace: string,
    name: string,
    id: string,
  ): Promise<void> {
    await this.call(c =>
      c.deleteSloCorrection({ path: { namespace, name, id } }),
    );
  }

  /** Runs one request of the generated client; an error answer becomes an {@link OpsApiError}. */
  private async call<T>(request: (client: OpsApiClient) => Promise<T>) {
    try {
      return await request(this.client);
    } catch (error) {
      const details = opsErrorDetails(error);
      if (details.status === undefined) throw error;
      throw new OpsApiError(details.message, details.status, details.name);
    }
  }
}

function source(
  value: unknown,
  configKey: string,
): OpsSourceStatus & Record<string, unknown> {
  const obj =
    value && typeof value === 'object'
      ? (value as Record<string, unknown>)
      : {};
  return {
    ...obj,
    configured: obj.configured === true,
    configKey: typeof obj.configKey === 'string' ? obj.configKey : configKey,
  };
}

function names(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

/**
 * Reads the status answer defensively: a source the backend does not report
 * (an older backend, say) counts as not configured.
 */
export function normalizeStatus(body: unknown): OpsStatus {
  const sources =
    (body as { sources?: Record<string, unknown> } | undefined)?.sources ?? {};
  const prometheus = source(sources.prometheus, CONFIG_KEY_PROMETHEUS);
  const alertmanager = source(sources.alertmanager, CONFIG_KEY_ALERTMANAGER);
  const runbookTargets = source(
    sources.runbookTargets,
    CONFIG_KEY_RUNBOOK_TARGETS,
  );
  const backupSources = source(
    sources.backupSources,
    CONFIG_KEY_BACKUP_SOURCES,
  );
  const health = source(sources.health, CONFIG_KEY_HEALTH);
  return {
    sources: {
      prometheus: { ...prometheus, servers: names(prometheus.servers) },
      alertmanager: { ...alertmanager, servers: names(alertmanager.servers) },
      runbookTargets: {
        ...runbookTargets,
        targets: names(runbookTargets.targets),
      },
      backupSources: {
        ...backupSources,
        sources: names(backupSources.sources),
      },
      health: { configured: health.configured, configKey: health.configKey },
    },
  };
}
