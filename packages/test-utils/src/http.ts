import {
  IncomingHttpHeaders,
  ServerResponse,
  createServer as createHttpServer,
} from 'node:http';
import { createServer as createNetServer } from 'node:net';

/**
 * A loopback port nothing listens on right now. Another process may take it
 * before the caller binds it: servers started on it go through
 * `onFreePort`, which retries on a clash.
 */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

/**
 * Starts a server (a child process given its port on the command line) on a
 * free loopback port, and tries another port when the chosen one was taken
 * in between (the server's error mentions "address already in use").
 */
export async function onFreePort<T>(
  start: (port: number) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await start(port);
    } catch (error) {
      const clash = /address already in use|EADDRINUSE/i.test(String(error));
      if (!clash || attempt >= attempts) throw error;
    }
  }
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestHttpServer {
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A tiny HTTP server on a free loopback port that hands each request, body
 * read, to `respond`. A `respond` that never ends the response simulates a
 * server that hangs; `close()` drops such connections.
 */
export async function startTestHttpServer(
  respond: (request: RecordedRequest, response: ServerResponse) => void,
): Promise<TestHttpServer> {
  const requests: RecordedRequest[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      respond(request, res);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

/** Answers with a JSON body, as the Prometheus API does. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}
