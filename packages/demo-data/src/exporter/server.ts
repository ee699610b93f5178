import { createServer, Server } from 'node:http';
import { DemoModel } from '../model/model';
import { createExposition } from './exposition';
import { scrapeTargets } from './targets';

export interface ExporterOptions {
  model: DemoModel;
  host?: string;
  port?: number;
  /** Injectable clock for tests. */
  now?: () => number;
}

export const DEFAULT_EXPORTER_PORT = 9479;
const TEXT_FORMAT = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Serves the model's current values:
 *   /metrics              every service, including the modelled `up`
 *   /metrics?service=NAME one service; 503 while it is down, so Prometheus records up=0
 *   /targets              HTTP service discovery for Prometheus
 */
export async function startExporter(options: ExporterOptions): Promise<Server> {
  const { model, host = '127.0.0.1', port = DEFAULT_EXPORTER_PORT } = options;
  const now = options.now ?? Date.now;
  const exposition = createExposition(model);
  // The first evaluation sums the whole history; do it before Prometheus's
  // first scrape, which would otherwise risk its timeout.
  exposition.render(now());

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://exporter');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    if (req.method !== 'GET') {
      send(405, 'text/plain', 'method not allowed\n');
    } else if (url.pathname === '/metrics') {
      const service = url.searchParams.get('service') ?? undefined;
      const t = now();
      if (service && !exposition.hasService(service)) {
        send(404, 'text/plain', `unknown service ${service}\n`);
      } else if (service && exposition.isDown(service, t)) {
        send(503, 'text/plain', `${service} is down (demo incident)\n`);
      } else {
        send(200, TEXT_FORMAT, exposition.render(t, service));
      }
    } else if (url.pathname === '/targets') {
      const address = `${host}:${(server.address() as { port: number }).port}`;
      send(
        200,
        'application/json',
        JSON.stringify(scrapeTargets(model, address)),
      );
    } else {
      send(404, 'text/plain', 'try /metrics or /targets\n');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
