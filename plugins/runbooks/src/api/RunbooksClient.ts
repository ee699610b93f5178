import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  CreateExecutionRequest,
  Execution,
  RunbookSummary,
} from '@unyo/plugin-ops-common';
import { CONFIG_KEY_RUNBOOK_TARGETS } from '../constants';
import { RunbooksApi, RunbookTargetsStatus } from './RunbooksApi';

/**
 * An error answer of the ops backend: `message` is the backend's
 * `error.message` (e.g. `parameters.reason is required`).
 *
 * @public
 */
export class RunbooksApiError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.name = 'RunbooksApiError';
    this.status = status;
  }
}

function items<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const list = (body as { items?: unknown } | undefined)?.items;
  return Array.isArray(list) ? (list as T[]) : [];
}

/**
 * The default {@link RunbooksApi}: calls the ops backend found through the
 * discovery API with the app's fetch API (which adds the user's token).
 *
 * @public
 */
export class RunbooksClient implements RunbooksApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getTargetsStatus(): Promise<RunbookTargetsStatus> {
    const body = (await this.fetchJson('/status')) as any;
    const targets = body?.sources?.runbookTargets ?? {};
    return {
      configured: targets.configured === true,
      configKey:
        typeof targets.configKey === 'string'
          ? targets.configKey
          : CONFIG_KEY_RUNBOOK_TARGETS,
      targets: Array.isArray(targets.targets)
        ? targets.targets.filter((t: unknown) => typeof t === 'string')
        : [],
    };
  }

  async getRunbooks(entityRef: string): Promise<{ items: RunbookSummary[] }> {
    const body = await this.fetchJson(
      `/runbooks?entityRef=${encodeURIComponent(entityRef)}`,
    );
    return { items: items<RunbookSummary>(body) };
  }

  async createExecution(
    runbookRef: string,
    actionId: string,
    request: CreateExecutionRequest,
  ): Promise<Execution> {
    const { namespace, name } = parseEntityRef(runbookRef, {
      defaultKind: 'runbook',
      defaultNamespace: 'default',
    });
    const path = [namespace, name, 'actions', actionId, 'executions']
      .map(encodeURIComponent)
      .join('/');
    return (await this.fetchJson(`/runbooks/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    })) as Execution;
  }

  async getExecutions(runbookRef: string): Promise<{ items: Execution[] }> {
    const body = await this.fetchJson(
      `/executions?runbookRef=${encodeURIComponent(runbookRef)}`,
    );
    return { items: items<Execution>(body) };
  }

  async getExecution(id: string): Promise<Execution> {
    return (await this.fetchJson(
      `/executions/${encodeURIComponent(id)}`,
    )) as Execution;
  }

  private async fetchJson(path: string, init?: RequestInit): Promise<unknown> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ops');
    const url = `${baseUrl}${path}`;
    const response = await (init
      ? this.fetchApi.fetch(url, init)
      : this.fetchApi.fetch(url));
    if (!response.ok) {
      let message =
        `Request failed with ${response.status} ${response.statusText}`.trim();
      try {
        const body = await response.json();
        if (typeof body?.error?.message === 'string' && body.error.message)
          message = body.error.message;
      } catch {
        // not JSON: keep the status line
      }
      throw new RunbooksApiError(message, response.status);
    }
    return response.json();
  }
}
