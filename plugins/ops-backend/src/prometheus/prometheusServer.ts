import { LoggerService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { OpsServerConfig } from '../config/OpsConfig';

/** One Prometheus server as the requests reach it. */
export interface PrometheusServer {
  name: string;
  baseUrl: string;
  headers: Record<string, string>;
  /** Names the server in errors and logs without credentials. */
  label: string;
  /** The server's URL without credentials, for the log only. */
  location: string;
  timeoutMs: number;
  fetch: typeof fetch;
  logger?: LoggerService;
}

/**
 * The server of `ops.prometheus.servers`: credentials in its URL become a
 * Basic `Authorization` header (unless one is configured), as fetch refuses
 * URLs with credentials.
 */
export function prometheusServerOf(
  server: OpsServerConfig,
  fetchImpl: typeof fetch,
  logger?: LoggerService,
): PrometheusServer {
  const url = new URL(server.url);
  const headers = { ...server.headers };
  // fetch refuses URLs with credentials; send them as Basic auth instead.
  if (url.username && !hasHeader(headers, 'authorization')) {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    headers.Authorization = `Basic ${Buffer.from(
      `${user}:${password}`,
    ).toString('base64')}`;
  }
  url.username = '';
  url.password = '';
  return {
    name: server.name,
    baseUrl: url.toString().replace(/\/+$/, ''),
    headers,
    // Messages reach the browser (an SLO's evaluation error): they name the
    // server; its internal address is only written to the log.
    label: `Prometheus server "${server.name}"`,
    location: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
    timeoutMs: durationToMilliseconds(server.timeout),
    fetch: fetchImpl,
    logger,
  };
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some(h => h.toLowerCase() === name);
}
