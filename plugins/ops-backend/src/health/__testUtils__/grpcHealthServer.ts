import {
  sendUnaryData,
  Server,
  ServerCredentials,
  ServerUnaryCall,
  status as grpcStatus,
} from '@grpc/grpc-js';
import { healthServiceDefinition, ServingStatus } from '../grpcHealthProtocol';

export interface TestGrpcHealthServer {
  address: string;
  /** Service names asked for, in order. */
  requests: string[];
  /** Changes what a service reports from now on. */
  set(service: string, status: ServingStatus): void;
  close(): Promise<void>;
}

/**
 * A real gRPC server on a free loopback port implementing
 * grpc.health.v1.Health/Check as the spec says: a service it does not know
 * is NOT_FOUND. `implementHealth: false` serves nothing (UNIMPLEMENTED).
 */
export async function startGrpcHealthServer(
  statuses: Record<string, ServingStatus>,
  options: { implementHealth?: boolean; delayMs?: number } = {},
): Promise<TestGrpcHealthServer> {
  const known = new Map(Object.entries(statuses));
  const requests: string[] = [];
  const server = new Server();
  if (options.implementHealth !== false) {
    server.addService(healthServiceDefinition, {
      Check: (
        call: ServerUnaryCall<{ service: string }, { status: ServingStatus }>,
        callback: sendUnaryData<{ status: ServingStatus }>,
      ) => {
        const { service } = call.request;
        requests.push(service);
        const answer = () => {
          const status = known.get(service);
          if (status === undefined) {
            callback({
              code: grpcStatus.NOT_FOUND,
              details: 'unknown service',
            });
          } else {
            callback(null, { status });
          }
        };
        if (options.delayMs) setTimeout(answer, options.delayMs);
        else answer();
      },
    });
  }
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      '127.0.0.1:0',
      ServerCredentials.createInsecure(),
      (error, p) => (error ? reject(error) : resolve(p)),
    ),
  );
  return {
    address: `127.0.0.1:${port}`,
    requests,
    set: (service, status) => known.set(service, status),
    close: () =>
      new Promise<void>(resolve => {
        server.forceShutdown();
        resolve();
      }),
  };
}
