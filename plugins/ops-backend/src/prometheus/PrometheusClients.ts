import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import { MetricSourceType } from '@unyo/plugin-ops-node';
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
  /** The configured server at this URL (trailing slashes ignored), if any. */
  findByUrl(url: string): PrometheusClient | undefined;
  /**
   * The same clients (connections, headers) with other retries for the
   * servers the backend queries itself; a module's clients keep their own.
   */
  withRetry(retry: Partial<RetryOptions>): PrometheusClients;
}

export interface PrometheusClientsOptions {
  logger?: LoggerService;
  /** Metric source types added by modules, for servers whose `type` names one. */
  metricSourceTypes?: { get(type: string): MetricSourceType | undefined };
  fetch?: typeof fetch;
  retry?: Partial<RetryOptions>;
}

const sameUrl = (url: string) => {
  try {
    return new URL(url).href.replace(/\/+$/, '');
  } catch {
    return url.replace(/\/+$/, '');
  }
};

class DefaultPrometheusClients implements PrometheusClients {
  constructor(
    private readonly clients: Map<string, PrometheusClient>,
    private readonly urls: Map<string, string> = new Map(),
  ) {}

  findByUrl(url: string): PrometheusClient | undefined {
    const name = this.urls.get(sameUrl(url));
    return name === undefined ? undefined : this.clients.get(name);
  }

  names(): string[] {
    return [...this.clients.keys()];
  }

  withRetry(retry: Partial<RetryOptions>): PrometheusClients {
    return new DefaultPrometheusClients(
      new Map(
        [...this.clients].map(([name, client]) => [
          name,
          client instanceof HttpPrometheusClient
            ? client.withRetry(retry)
            : client,
        ]),
      ),
    );
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

/** For callers (tests, benches) that pass no logger. */
const noLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child() {
    return noLogger;
  },
};

/**
 * The client of one configured server: the backend's own for `prometheus`,
 * else the one a module's metric source type creates. Such a source serves
 * SLO queries only: it has no alerting rules of Prometheus's to list.
 */
function clientFor(
  server: OpsServerConfig,
  index: number,
  options: PrometheusClientsOptions,
): PrometheusClient {
  const logger = options.logger?.child({ prometheusServer: server.name });
  const type = server.type ?? 'prometheus';
  if (type === 'prometheus') {
    return new HttpPrometheusClient({
      server,
      logger,
      fetch: options.fetch,
      retry: options.retry,
    });
  }
  const sourceType = options.metricSourceTypes?.get(type);
  if (!sourceType) {
    throw new InputError(
      `ops.prometheus.servers[${index}].type "${type}" is not a metric source type: ` +
        'use prometheus, or install the backend module that adds it',
    );
  }
  const client = sourceType.createClient({
    name: server.name,
    config: server.config ?? new ConfigReader({}),
    logger: logger ?? noLogger,
  });
  return {
    name: server.name,
    instantQuery: (query, o) => client.instantQuery(query, o),
    rangeQuery: (query, o) => client.rangeQuery(query, o),
    earliestSampleTime: (selector, o) => client.earliestSampleTime(selector, o),
    rules: async () => [],
  };
}

/** Builds one client per server of `OpsConfig['prometheus']`. */
export function createPrometheusClients(
  servers: OpsServerConfig[],
  options: PrometheusClientsOptions = {},
): PrometheusClients {
  return new DefaultPrometheusClients(
    new Map(
      servers.map((server, index) => [
        server.name,
        clientFor(server, index, options),
      ]),
    ),
    new Map(servers.map(server => [sameUrl(server.url), server.name])),
  );
}
