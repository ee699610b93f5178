/**
 * The demo's health endpoints: the ports of the `unyo.dev/health-url`
 * annotations in examples/*, each answering in the shape its manual
 * documents (/work/shared seeds 000–004). Answers are fixed, so the portal's
 * health cards and the end-to-end test see the same thing every time:
 * mostly healthy, a degraded cache (scalar-auditor audit-service), a long
 * MaiRust queue (mairust-smtp readiness) and one service down (the ScalarDB
 * cluster).
 */

export interface HealthAnswer {
  status: number;
  contentType: string;
  body: () => string;
}

export interface HttpHealthEndpoint {
  system: string;
  port: number;
  /** Path → answer. */
  paths: Record<string, HealthAnswer>;
}

export interface GrpcHealthEndpoint {
  system: string;
  port: number;
}

const json = (body: object | (() => object), status = 200): HealthAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: () => JSON.stringify(typeof body === 'function' ? body() : body),
});

// Seed 000 (Elixir CQRS): `services` as words.
const elixirHealthy = json({
  status: 'ok',
  version: '1.0.0',
  services: { database: 'connected', cache: 'connected', grpc: 'serving' },
});

// Seed 001 (ScalarDB, Java): Spring Boot actuator `components`.
const actuator = (
  components: Record<string, object>,
  status = 'UP',
  code = 200,
) => json({ status, components }, code);
const db = { status: 'UP', details: { database: 'PostgreSQL' } };

// Seed 002 (Azure SaaS): a status word with a timestamp.
const azure = json(() => ({
  status: 'healthy',
  timestamp: new Date().toISOString(),
  version: '1.0.0',
}));

// Seed 004 (MaiRust): `checks` with extra fields.
const mairustReady = (queueLength: number, queueStatus: string) =>
  json({
    status: queueStatus === 'healthy' ? 'healthy' : 'degraded',
    checks: {
      database: { status: 'healthy', latency_ms: 5 },
      storage: { status: 'healthy' },
      queue: { status: queueStatus, length: queueLength },
    },
  });

export const HTTP_HEALTH_ENDPOINTS: HttpHealthEndpoint[] = [
  // elixir-cqrs-client-service: healthy; the end-to-end test asserts on it.
  { system: 'elixir-cqrs', port: 18001, paths: { '/health': elixirHealthy } },
  {
    system: 'scalar-auditor',
    port: 18011,
    paths: { '/health': actuator({ db, diskSpace: { status: 'UP' } }) },
  },
  {
    system: 'scalar-auditor',
    port: 18012,
    paths: {
      '/health': actuator({
        db,
        cache: { status: 'DEGRADED', details: { hitRatio: 0.41 } },
      }),
    },
  },
  {
    system: 'scalar-auditor',
    port: 18013,
    paths: { '/health': actuator({ db, s3: { status: 'UP' } }) },
  },
  {
    system: 'scalar-auditor',
    port: 18014,
    paths: { '/health': actuator({ db }) },
  },
  {
    system: 'scalar-auditor',
    port: 18015,
    paths: { '/health': actuator({ db }) },
  },
  {
    // The cluster has lost a node (alert ScalarDBClusterUnhealthy): down.
    system: 'scalar-auditor',
    port: 18016,
    paths: {
      '/health': actuator(
        {
          cluster: {
            status: 'DOWN',
            details: { healthyNodes: 1, requiredNodes: 2 },
          },
          db,
        },
        'DOWN',
        503,
      ),
    },
  },
  { system: 'azure-saas', port: 18021, paths: { '/api/health': azure } },
  { system: 'azure-saas', port: 18022, paths: { '/health': azure } },
  { system: 'azure-saas', port: 18023, paths: { '/health': azure } },
  { system: 'azure-saas', port: 18024, paths: { '/health': azure } },
  {
    // Seed 003 (Rails 7.1 /up): a green page, the status code says it all.
    system: 'rainbow-seeker',
    port: 18031,
    paths: {
      '/up': {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: () =>
          '<!DOCTYPE html><html><body style="background-color: green"></body></html>',
      },
    },
  },
  {
    // mairust-smtp: alive, but the queue is long: degraded.
    system: 'mairust',
    port: 18041,
    paths: {
      '/health': json({ status: 'healthy' }),
      '/health/live': json({ status: 'healthy' }),
      '/health/ready': mairustReady(18500, 'degraded'),
    },
  },
  {
    system: 'mairust',
    port: 18042,
    paths: { '/health': mairustReady(42, 'healthy') },
  },
];

/** Seed 000's command and query services: grpc.health.v1 on both ports. */
export const GRPC_HEALTH_ENDPOINTS: GrpcHealthEndpoint[] = [
  { system: 'elixir-cqrs', port: 18002 },
  { system: 'elixir-cqrs', port: 18003 },
];

/** What the gRPC health server says per service name ('' is the server). */
export const GRPC_SERVICES: Record<string, 'SERVING' | 'NOT_SERVING'> = {
  '': 'SERVING',
  'cqrs.CommandService': 'SERVING',
  'cqrs.QueryService': 'SERVING',
};
