import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { OpsServerConfig } from '../config/OpsConfig';
import { RetryOptions } from './backoff';
import { HttpPrometheusClient } from './HttpPrometheusClient';
import { PrometheusClient } from './types';

/** The configured Prometheus servers, by name; the first is the default. */
export interface PrometheusClients {
  /** Names in configuration order. */
  names(): string[];
  /**
   * The named server, or the default one without a name. Throws a
   * NotFoundError naming the missing server or config key.
   */
  get(name?: string): PrometheusClient;
}

export interface PrometheusClientsOptions {
  logger?: LoggerService;
  fetch?: typeof fetch;
  retry?: Partial<RetryOptions>;
}

class DefaultPrometheusClients implements PrometheusClients {
  constructor(private readonly clients: Map<string, PrometheusClient>) {}

  names(): string[] {
    return [...this.clients.keys()];
  }

  get(name?: string): PrometheusClient {
    if (this.clients.size === 0) {
      throw new NotFoundError(
        'No Prometheus server is configured: set ops.prometheus.servers',
      );
    }
    if (name === undefined) {
      return this.clients.values().next().value!;
    }
    const client = this.clients.get(name);
    if (!client) {
      throw new NotFoundError(
        `No Prometheus server named "${name}" in ops.prometheus.servers ` +
          `(configured: ${this.names().join(', ')})`,
      );
    }
    return client;
  }
}

/** Builds one HTTP client per server of `OpsConfig['prometheus']`. */
export function createPrometheusClients(
  servers: OpsServerConfig[],
  options: PrometheusClientsOptions = {},
): PrometheusClients {
  return new DefaultPrometheusClients(
    new Map(
      servers.map(server => [
        server.name,
        new HttpPrometheusClient({
          server,
          logger: options.logger?.child({ prometheusServer: server.name }),
          fetch: options.fetch,
          retry: options.retry,
        }),
      ]),
    ),
  );
}
