import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  CreateExecutionRequest,
  Execution,
  RunbookSummary,
} from '@unyo/plugin-ops-common';
import {
  OpsApiClient,
  opsErrorDetails,
  type OpsStatus,
} from '@unyo/plugin-ops-react';
import { CONFIG_KEY_RUNBOOK_TARGETS } from '../constants';
import {
  ExecutionsPage,
  ExecutionsQuery,
  RunbooksApi,
  RunbookTargetsStatus,
} from './RunbooksApi';

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
 * The default {@link RunbooksApi}: the generated client of
 * `@unyo/plugin-ops-react` (the backend found through the discovery API,
 * called with the app's fetch API, which adds the user's token), its errors
 * as {@link RunbooksApiError}.
 *
 * @public
 */
export class RunbooksClient implements RunbooksApi {
  private readonly client: OpsApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new OpsApiClient(options);
  }

  async getTargetsStatus(): Promise<RunbookTargetsStatus> {
    const status = await this.call(c => c.getStatus());
    // An older backend may leave the source out: not configured.
    const targets: Partial<OpsStatus['sources']['runbookTargets']> =
      status?.sources?.runbookTargets ?? {};
    return {
      configured: targets.configured === true,
      configKey:
        typeof targets.configKey === 'string'
          ? targets.configKey
          : CONFIG_KEY_RUNBOOK_TARGETS,
      targets: Array.isArray(targets.targets)
        ? targets.targets.filter(t => typeof t === 'string')
        : [],
    };
  }

  async getRunbooks(entityRef: string): Promise<{ items: RunbookSummary[] }> {
    const body = await this.call(c => c.listRunbooks({ query: { entityRef } }));
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
    return (await this.call(c =>
      c.createExecution({
        path: { namespace, name, actionId },
        body: request,
      }),
    )) as Execution;
  }

  async getExecutions(
    runbookRef: string,
    query: ExecutionsQuery = {},
  ): Promise<ExecutionsPage> {
    const body = await this.call(c =>
      c.listExecutions({ query: { runbookRef, ...query } }),
    );
    const list = items<Execution>(body);
    const total = (body as { totalCount?: unknown } | undefined)?.totalCount;
    // An older backend answers without a count: what it sent is all there is.
    return {
      items: list,
      totalCount: typeof total === 'number' ? total : list.length,
    };
  }

  async getExecution(id: string): Promise<Execution> {
    return (await this.call(c =>
      c.getExecution({ path: { id } }),
    )) as Execution;
  }

  /** Runs one request of the generated client; an error answer becomes a {@link RunbooksApiError}. */
  private async call<T>(request: (client: OpsApiClient) => Promise<T>) {
    try {
      return await request(this.client);
    } catch (error) {
      const details = opsErrorDetails(error);
      if (details.status === undefined) throw error;
      throw new RunbooksApiError(details.message, details.status);
    }
  }
}
