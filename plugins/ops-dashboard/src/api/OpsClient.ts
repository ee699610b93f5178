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
  CreateSilenceRequest,
  HealthStatus,
  Silence,
  SloReportResponse,
  SloReportSummary,
  SloStatus,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';
import { OpsApi, OpsSourceStatus, OpsStatus, SloReportQuery } from './OpsApi';

/** `?a=1&b=x` of the set values, in a stable order. */
function reportParams(query: Record<string, string | number | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

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

/**
 * The default {@link OpsApi}: calls the ops backend found through the
 * discovery API with the app's fetch API (which adds the user's token).
 *
 * @public
 */
export class OpsClient implements OpsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private statusCache?: { at: number; promise: Promise<OpsStatus> };

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getStatus(): Promise<OpsStatus> {
    // Every card of an entity page asks for the status; share one request.
    const now = Date.now();
    if (this.statusCache && now - this.statusCache.at < STATUS_CACHE_MS) {
      return this.statusCache.promise;
    }
    const promise = this.fetchJson('/status').then(normalizeStatus);
    this.statusCache = { at: now, promise };
    promise.catch(() => {
      this.statusCache = undefined;
    });
    return promise;
  }

  async getSlos(entityRef: string): Promise<{ items: SloStatus[] }> {
    const body = (await this.fetchJson(
      `/slos?entityRef=${encodeURIComponent(entityRef)}`,
    )) as { items?: unknown };
    return { items: Array.isArray(body?.items) ? body.items : [] };
  }

  async getSlo(namespace: string, name: string): Promise<SloStatusWithHistory> {
    const body = (await this.fetchJson(
      `/slos/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    )) as SloStatusWithHistory;
    return {
      ...body,
      history: Array.isArray(body.history) ? body.history : [],
    };
  }

  async getHealth(entityRef: string): Promise<{ items: HealthStatus[] }> {
    const body = (await this.fetchJson(
      `/health?entityRef=${encodeURIComponent(entityRef)}`,
    )) as { items?: unknown };
    return { items: Array.isArray(body?.items) ? body.items : [] };
  }

  async getAlerts(entityRef: string): Promise<AlertsResponse> {
    const body = (await this.fetchJson(
      `/alerts?entityRef=${encodeURIComponent(entityRef)}`,
    )) as Partial<AlertsResponse>;
    const list = <T>(v: T[] | undefined) => (Array.isArray(v) ? v : []);
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
    return (await this.fetchJson(
      `/alerts/history?entityRef=${encodeURIComponent(entityRef)}`,
    )) as AlertHistorySummary;
  }

  async createSilence(
    request: CreateSilenceRequest,
  ): Promise<{ silenceId: string }> {
    return (await this.fetchJson('/silences', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    })) as { silenceId: string };
  }

  async getSilences(entityRef: string): Promise<{ items: Silence[] }> {
    const body = (await this.fetchJson(
      `/silences?entityRef=${encodeURIComponent(entityRef)}`,
    )) as { items?: Silence[] };
    return { items: Array.isArray(body?.items) ? body.items : [] };
  }

  async expireSilence(id: string, entityRef: string): Promise<void> {
    await this.fetchJson(
      `/silences/${encodeURIComponent(id)}?entityRef=${encodeURIComponent(
        entityRef,
      )}`,
      { method: 'DELETE' },
    );
  }

  async getBackups(entityRef: string): Promise<BackupsResponse> {
    const body = (await this.fetchJson(
      `/backups?entityRef=${encodeURIComponent(entityRef)}`,
    )) as { items?: unknown };
    return { items: Array.isArray(body?.items) ? body.items : [] };
  }

  async getBackupCoverage(systemRef: string): Promise<BackupCoverage> {
    const body = (await this.fetchJson(
      `/backups/coverage?entityRef=${encodeURIComponent(systemRef)}`,
    )) as Partial<BackupCoverage>;
    const items = Array.isArray(body?.items) ? body.items : [];
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
    const body = (await this.fetchJson(
      `/slo-report?${reportParams({ ...query })}`,
    )) as Partial<SloReportResponse>;
    const items = Array.isArray(body?.items) ? body.items : [];
    return {
      items,
      totalCount:
        typeof body?.totalCount === 'number' ? body.totalCount : items.length,
    };
  }

  async getSloReportSummary(
    query: Pick<SloReportQuery, 'owner' | 'system' | 'month'>,
  ): Promise<SloReportSummary> {
    return (await this.fetchJson(
      `/slo-report/summary?${reportParams({ ...query })}`,
    )) as SloReportSummary;
  }

  async getSloReportCsv(query: SloReportQuery): Promise<Blob> {
    const { limit: _limit, offset: _offset, ...all } = query;
    const baseUrl = await this.discoveryApi.getBaseUrl('ops');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/slo-report?${reportParams({ ...all, format: 'csv' })}`,
    );
    if (!response.ok) {
      const { message, name } = await readError(response);
      throw new OpsApiError(message, response.status, name);
    }
    return response.blob();
  }

  private async fetchJson(path: string, init?: RequestInit): Promise<unknown> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ops');
    const url = `${baseUrl}${path}`;
    const response = await (init
      ? this.fetchApi.fetch(url, init)
      : this.fetchApi.fetch(url));
    if (!response.ok) {
      const { message, name } = await readError(response);
      throw new OpsApiError(message, response.status, name);
    }
    // 204 No Content (an expired silence) has no body to read.
    return response.status === 204 ? undefined : response.json();
  }
}

/** The backend's `{ error: { name, message } }`, or the HTTP status line. */
async function readError(
  response: Response,
): Promise<{ message: string; name?: string }> {
  const fallback =
    `Request failed with ${response.status} ${response.statusText}`.trim();
  try {
    const body = await response.json();
    const message = body?.error?.message;
    const name = body?.error?.name;
    return {
      message: typeof message === 'string' && message ? message : fallback,
      name: typeof name === 'string' && name ? name : undefined,
    };
  } catch {
    return { message: fallback };
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
