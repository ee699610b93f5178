import { NotFoundError } from '@backstage/errors';
import { SloStatus } from '@unyo/plugin-ops-common';
import { PrometheusClients } from '../../prometheus/PrometheusClients';
import { PrometheusClient } from '../../prometheus/types';
import { MeasuredPlan } from './measureCounts';
import { SloPlan } from './planSlo';
import { failedStatus } from './roundTypes';

/**
 * A plan's server. A DataSource of the catalog is matched to the
 * configured server of its name or URL; its own URL is never called, so
 * catalog files cannot point the backend at other hosts.
 */
function serverOf(
  plan: MeasuredPlan,
  prometheus: PrometheusClients,
): PrometheusClient {
  const source = plan.dataSource;
  if (!source || prometheus.names().includes(source.name)) {
    return prometheus.get(plan.server);
  }
  const byUrl = source.url ? prometheus.findByUrl(source.url) : undefined;
  if (byUrl) return byUrl;
  throw new NotFoundError(
    `DataSource "${source.name}" ${
      source.url ? `points at ${source.url}, which` : 'has no URL and'
    } is not a server of ops.prometheus.servers: Unyo does not call it ` +
      '(configure a server of the same name or URL)',
  );
}

/**
 * The measurable plans by Prometheus server name, and the statuses of
 * those that cannot be measured (unsupported, unknown server), in plan order.
 */
export function groupByServer(
  plans: SloPlan[],
  prometheus: PrometheusClients,
  now: Date,
): { byServer: Map<string, MeasuredPlan[]>; unplanned: SloStatus[] } {
  const byServer = new Map<string, MeasuredPlan[]>();
  const unplanned: SloStatus[] = [];
  for (const plan of plans) {
    if (plan.kind === 'unsupported') {
      unplanned.push(failedStatus(plan, plan.message, now));
      continue;
    }
    try {
      const client = serverOf(plan, prometheus);
      const group = byServer.get(client.name);
      if (group) group.push(plan);
      else byServer.set(client.name, [plan]);
    } catch (e) {
      unplanned.push(failedStatus(plan, (e as Error).message, now));
    }
  }
  return { byServer, unplanned };
}
