import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OpsConfig } from '../config/OpsConfig';
import { DatabaseHealthStore } from './DatabaseHealthStore';
import { DefaultHealthService } from './DefaultHealthService';
import { HealthMonitor } from './HealthMonitor';
import { HealthProber } from './HealthProber';
import { HealthService } from './HealthService';
import type { EntityProbe } from '../notifications/healthNotifications';

// A probe never takes longer than this, nor more than half the interval, so
// that one slow endpoint cannot hold up a round.
const MAX_PROBE_TIMEOUT_MS = 5_000;

/**
 * The health feature of the plugin: its store, the scheduled probe task
 * (only when ops.health.allowedHosts allows something) and the service the
 * routes read.
 */
export async function setupHealth(options: {
  config: OpsConfig;
  database: DatabaseService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Told each round's results (notifications). */
  onRound?: (probes: EntityProbe[]) => Promise<void>;
}): Promise<HealthService> {
  const { config, database, scheduler, catalog, auth, logger } = options;
  const { interval, allowedHosts, tls } = config.health;
  const store = await DatabaseHealthStore.create({ database });
  const intervalMs = durationToMilliseconds(interval);
  if (allowedHosts.length === 0) {
    logger.info(
      'No health hosts allowed (ops.health.allowedHosts): health URLs are not probed',
    );
  } else {
    const monitor = new HealthMonitor({
      catalog,
      auth,
      store,
      logger,
      onRound: options.onRound,
      prober: new HealthProber({
        allowedHosts,
        timeoutMs: Math.min(MAX_PROBE_TIMEOUT_MS, intervalMs / 2),
        certificateThresholds: tls,
      }),
    });
    // A scheduler task runs once per round across replicas.
    await scheduler.scheduleTask({
      id: 'unyo-health-probes',
      frequency: interval,
      timeout: { minutes: 5 },
      initialDelay: { seconds: 5 },
      fn: async () => {
        await monitor.probeAll();
      },
    });
  }
  return new DefaultHealthService({
    catalog,
    store,
    allowedHosts,
    notProbedYetMessage: `Not probed yet: the first probe runs within ${Math.round(
      intervalMs / 1000,
    )} s`,
  });
}
