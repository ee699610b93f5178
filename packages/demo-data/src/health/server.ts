import { Server as GrpcServer, ServerCredentials } from '@grpc/grpc-js';
import { createServer, Server } from 'node:http';
import {
  GRPC_HEALTH_ENDPOINTS,
  GRPC_SERVICES,
  HTTP_HEALTH_ENDPOINTS,
  HttpHealthEndpoint,
} from './endpoints';
import { healthHandler, healthService } from './grpcHealth';

export interface HealthEndpointsOptions {
  host?: string;
  /** Moves ports, for tests: by default each endpoint's annotated port. */
  portFor?: (port: number) => number;
}

export interface RunningHealthEndpoints {
  /** The listening addresses, `host:port`, HTTP then gRPC. */
  addresses: string[];
  close(): Promise<void>;
}

function httpServer(endpoint: HttpHealthEndpoint): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://demo').pathname;
    const answer = endpoint.paths[path];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { 'Content-Type': 'text/plain' })
        .end('method not allowed\n');
    } else if (!answer) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    } else {
      res.writeHead(answer.status, { 'Content-Type': answer.contentType });
      res.end(answer.body());
    }
  });
}

/**
 * Starts the health endpoints of the five demo systems: one HTTP server per
 * annotated port and one gRPC server (grpc.health.v1) on seed 000's two
 * gRPC ports. Fails as a whole if a port is taken.
 */
export async function startHealthEndpoints(
  options: HealthEndpointsOptions = {},
): Promise<RunningHealthEndpoints> {
  const host = options.host ?? '127.0.0.1';
  const portFor = options.portFor ?? (p => p);
  const servers: Server[] = [];
  const grpc = new GrpcServer();
  grpc.addService(healthService, healthHandler(GRPC_SERVICES));
  const addresses: string[] = [];
  const close = async () => {
    await Promise.all(
      servers.map(s => new Promise(resolve => s.close(resolve))),
    );
    grpc.forceShutdown();
  };
  try {
    for (const endpoint of HTTP_HEALTH_ENDPOINTS) {
      const server = httpServer(endpoint);
      const port = portFor(endpoint.port);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
      });
      servers.push(server);
      addresses.push(`${host}:${port}`);
    }
    for (const endpoint of GRPC_HEALTH_ENDPOINTS) {
      const port = portFor(endpoint.port);
      await new Promise<void>((resolve, reject) =>
        grpc.bindAsync(
          `${host}:${port}`,
          ServerCredentials.createInsecure(),
          error => (error ? reject(error) : resolve()),
        ),
      );
      addresses.push(`${host}:${port}`);
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { addresses, close };
}
