import { Client, credentials, Metadata, status } from '@grpc/grpc-js';
import { HealthCheck, HealthState } from '@unyo/plugin-ops-common';
import {
  decodeHealthCheckResponse,
  encodeHealthCheckRequest,
  HEALTH_CHECK_PATH,
  ServingStatus,
} from './grpcHealthProtocol';
import { HealthProbe, ProbeOptions, ProbeResult } from './types';

const STATES: Record<number, HealthState> = {
  [ServingStatus.SERVING]: 'up',
  [ServingStatus.NOT_SERVING]: 'down',
  [ServingStatus.UNKNOWN]: 'unknown',
  [ServingStatus.SERVICE_UNKNOWN]: 'unknown',
};

interface GrpcError extends Error {
  code?: number;
  details?: string;
}

/** What a failed call means for the endpoint, and what to tell the reader. */
function failure(
  error: GrpcError,
  timeoutMs: number,
): { status: HealthState; message: string } {
  switch (error.code) {
    case status.DEADLINE_EXCEEDED:
      return {
        status: 'down',
        message: `No answer within ${timeoutMs} ms (timeout)`,
      };
    case status.NOT_FOUND:
      // The health server does not know this service name.
      return {
        status: 'unknown',
        message: `SERVICE_UNKNOWN: ${error.details || 'unknown service'}`,
      };
    case status.UNIMPLEMENTED:
      return {
        status: 'unknown',
        message: 'The server does not implement grpc.health.v1.Health',
      };
    default:
      return { status: 'down', message: error.details || error.message };
  }
}

/**
 * Probes `grpc://host:port[/service]` (`grpcs://` with TLS) with
 * grpc.health.v1.Health/Check: SERVING is up, NOT_SERVING down, UNKNOWN and
 * SERVICE_UNKNOWN unknown; no answer is down.
 */
export class GrpcHealthProbe implements HealthProbe {
  async probe(url: URL, options: ProbeOptions): Promise<ProbeResult> {
    const service = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
    const tls = url.protocol === 'grpcs:';
    const client = new Client(
      url.host,
      tls ? credentials.createSsl() : credentials.createInsecure(),
    );
    const started = performance.now();
    const outcome = await new Promise<{
      status: HealthState;
      message?: string;
      serving?: ServingStatus;
    }>(resolve => {
      client.makeUnaryRequest(
        HEALTH_CHECK_PATH,
        encodeHealthCheckRequest,
        decodeHealthCheckResponse,
        { service },
        new Metadata(),
        { deadline: Date.now() + options.timeoutMs },
        (error, response) => {
          if (error || !response) {
            resolve(
              failure(error ?? new Error('empty answer'), options.timeoutMs),
            );
            return;
          }
          resolve({
            status: STATES[response.status] ?? 'unknown',
            serving: response.status,
            message:
              response.status === ServingStatus.SERVING
                ? undefined
                : ServingStatus[response.status] ?? `status ${response.status}`,
          });
        },
      );
    });
    const latencyMs = Math.round(performance.now() - started);
    client.close();
    const name = service || '(server)';
    const checks: HealthCheck[] =
      outcome.serving === undefined
        ? []
        : [
            {
              name,
              status: outcome.status,
              detail: ServingStatus[outcome.serving],
            },
          ];
    return {
      url: url.href,
      status: outcome.status,
      latencyMs,
      checks,
      checkedAt: new Date(),
      ...(outcome.message ? { message: outcome.message } : {}),
    };
  }
}
