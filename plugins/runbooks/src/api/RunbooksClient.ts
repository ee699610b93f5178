import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { CONFIG_KEY_RUNBOOK_TARGETS } from '../constants';
import { RunbooksApi, RunbookTargetsStatus } from './RunbooksApi';

/**
 * An error answer of the ops backend.
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

/**
 * The default {@link RunbooksApi}: calls the ops backend found through the
 * discovery API with the app's fetch API.
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
    const baseUrl = await this.discoveryApi.getBaseUrl('ops');
    const response = await this.fetchApi.fetch(`${baseUrl}/status`);
    if (!response.ok) {
      let message =
        `Request failed with ${response.status} ${response.statusText}`.trim();
      try {
        const body = await response.json();
        if (typeof body?.error?.message === 'string')
          message = body.error.message;
      } catch {
        // not JSON: keep the status line
      }
      throw new RunbooksApiError(message, response.status);
    }
    const body = await response.json();
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
}
