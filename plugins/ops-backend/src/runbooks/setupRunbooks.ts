import {
  AuditorService,
  DatabaseService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { AlertService, SilenceService } from '../alerts/AlertService';
import { OpsConfig } from '../config/OpsConfig';
import { PrometheusClients } from '../prometheus';
import { HealthCheckActionRunner } from './actions/healthCheckAction';
import { HttpActionRunner } from './actions/httpAction';
import { PrometheusQueryActionRunner } from './actions/prometheusQueryAction';
import { SilenceActionRunner } from './actions/silenceAction';
import { ActionRunner } from '@unyo/plugin-ops-node';
import { Execution } from '@unyo/plugin-ops-common';
import { TypeRegistry } from '../extensions/TypeRegistry';
import { DatabaseExecutionStore } from './DatabaseExecutionStore';
import { DefaultRunbookService } from './DefaultRunbookService';

/**
 * The runbook feature: the execution store, one runner per action type (the
 * core's join those modules added through `opsRunbookActionsExtensionPoint`),
 * and a task that fails executions a stopped backend left running.
 */
export async function setupRunbooks(options: {
  config: OpsConfig;
  database: DatabaseService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  signals?: SignalsService;
  /** Called once when an execution ends: the notification to its user. */
  onFinished?: (execution: Execution) => Promise<void>;
  alerts?: { alerts: AlertService; silences: SilenceService };
  /** The action types modules added; the core's own join them here. */
  actionTypes?: TypeRegistry<ActionRunner>;
  /** The plugin's clients, answering in one attempt. */
  prometheus: PrometheusClients;
}): Promise<DefaultRunbookService> {
  const { config, catalog, permissions, logger } = options;
  const store = await DatabaseExecutionStore.create({
    database: options.database,
  });
  const runners =
    options.actionTypes ??
    new TypeRegistry<ActionRunner>('Runbook action type');
  runners.add('http', new HttpActionRunner(config.runbookTargets));
  runners.add(
    'prometheus-query',
    new PrometheusQueryActionRunner(options.prometheus, catalog),
  );
  runners.add(
    'health-check',
    new HealthCheckActionRunner(catalog, config.health.allowedHosts),
  );
  if (options.alerts) {
    runners.add(
      'alertmanager-silence',
      new SilenceActionRunner(options.alerts.silences, catalog, permissions),
    );
  }
  const service = new DefaultRunbookService({
    catalog,
    permissions,
    auditor: options.auditor,
    logger,
    store,
    rateLimit: config.runbookRateLimit,
    signals: options.signals,
    onFinished: options.onFinished,
    alerts: options.alerts?.alerts,
    runners: runners.asMap(),
    unavailable: {
      'alertmanager-silence': 'the alerts feature is not set up',
    },
  });
  const failed = await service.failStale();
  if (failed > 0) {
    logger.warn(
      `${failed} runbook execution(s) left running were marked failed`,
    );
  }
  await options.scheduler.scheduleTask({
    id: 'unyo-runbook-stale-executions',
    frequency: { minutes: 1 },
    timeout: { minutes: 1 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      await service.failStale();
    },
  });
  return service;
}
