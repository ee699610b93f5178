import {
  DatabaseService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OpsConfig } from '../config/OpsConfig';
import { PrometheusClients } from '../prometheus';
import { DatabaseAlertHistoryStore } from './AlertHistoryStore';
import {
  AlertmanagerAlert,
  HttpAlertmanagerClient,
} from './AlertmanagerClient';
import { DefaultAlertService } from './DefaultAlertService';
import { DefaultSilenceService } from './DefaultSilenceService';
import { TtlCache } from '../lib/TtlCache';

/** Alerts cached for 10 s: fresh enough for a page, cheap for a busy one. */
const ALERTS_TTL_MS = 10_000;

/** Wires the alert feature's services from the plugin's dependencies. */
export async function createAlerts(options: {
  config: OpsConfig;
  logger: LoggerService;
  database: DatabaseService;
  catalog: CatalogService;
  permissions: PermissionsService;
  /** The plugin's clients, answering in one attempt. */
  prometheus: PrometheusClients;
}) {
  const { config, logger, catalog, permissions } = options;
  const history = await DatabaseAlertHistoryStore.create({
    database: options.database,
  });
  const alertmanagers = config.alertmanager.map(
    server => new HttpAlertmanagerClient(server),
  );
  if (alertmanagers.length === 0) {
    logger.info(
      'No Alertmanager configured (ops.alertmanager.servers): alerts come from Prometheus rules only and silences are refused',
    );
  }
  const alertCache = new TtlCache<AlertmanagerAlert[]>(ALERTS_TTL_MS);
  const alerts = new DefaultAlertService({
    catalog,
    permissions,
    alertmanagers,
    prometheus: options.prometheus,
    history,
    alertCache,
    levels: config.alerts,
  });
  const silences = new DefaultSilenceService({
    catalog,
    permissions,
    alertmanagers,
    alertCache,
  });
  return { alerts, silences, history };
}
