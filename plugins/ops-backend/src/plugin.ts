import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { opsPermissions } from '@unyo/plugin-ops-common';
import { registerOpsActions } from './actions';
import { createAlerts } from './alerts/createAlerts';
import { setupBackups } from './backups/setupBackups';
import { setupChanges } from './changes/setupChanges';
import { readOpsConfig } from './config/OpsConfig';
import { DatabaseSloStore } from './database/DatabaseSloStore';
import { registerExtensionPoints } from './extensions/registerExtensionPoints';
import { registerGateAction } from './gate/gateAction';
import { setupGate } from './gate/setupGate';
import { setupHealth } from './health/setupHealth';
import { DefaultOpsNotifications } from './notifications';
import { SloDigests, sloDigestSource } from './notifications/digests';
import { createPrometheusClients } from './prometheus/PrometheusClients';
import { createRouter } from './router';
import {
  readSloRuleOptions,
  SloRulesService,
} from './slo/rules/SloRulesService';
import { setupRunbooks } from './runbooks';
import { DatabaseSloCorrectionStore } from './slo/corrections/DatabaseSloCorrectionStore';
import { SloCorrectionService } from './slo/corrections/SloCorrectionService';
import { DefaultSloService } from './slo/DefaultSloService';
import { SloPreviewService } from './slo/preview/SloPreviewService';
import { SloEvaluator } from './slo/evaluation/SloEvaluator';
import { scheduleSloEvaluation } from './slo/sharding/scheduleSloEvaluation';
import { CatalogSloPolicyLookup } from './slo/policies';
import { alertMttrSource } from './slo/report/alertMttr';
import { DefaultSloReportService } from './slo/report/DefaultSloReportService';
import { DatabaseMonthlyRollups } from './slo/rollups/MonthlyRollups';
import { DatabaseSloVersions } from './slo/versions/SloVersionStore';

/**
 * The Unyo operations backend: `/api/ops`. Modules add backup source types,
 * runbook action types and metric source types through the extension points
 * of `@unyo/plugin-ops-node` (docs/custom-module.md).
 *
 * @public
 */
export const opsPlugin = createBackendPlugin({
  pluginId: 'ops',
  register(env) {
    const extensions = registerExtensionPoints(env);
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        signals: signalsServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        config,
        logger,
        database,
        scheduler,
        lifecycle,
        auth,
        httpAuth,
        httpRouter,
        catalog,
        permissions,
        permissionsRegistry,
        auditor,
        signals,
        notifications,
        actionsRegistry,
      }) {
        const opsConfig = readOpsConfig(config);
        // Owner notifications of the rounds' transitions (README, "Notifications").
        const notifier = await DefaultOpsNotifications.create({
          config: opsConfig.notifications,
          database,
          catalog,
          auth,
          notifications,
          logger,
        });
        const policies = new CatalogSloPolicyLookup({
          catalog,
          defaultPolicy: opsConfig.slo.policy,
          policies: opsConfig.slo.policies,
        });
        const store = await DatabaseSloStore.create({ database });
        const correctionStore = await DatabaseSloCorrectionStore.create({
          database,
        });
        const versions = await DatabaseSloVersions.create({ database });
        // One set of clients for every feature. SLO rounds and backups retry;
        // alerts and runbook queries answer in one attempt, as a page or an
        // on-call waits for them.
        const prometheusClients = createPrometheusClients(
          opsConfig.prometheus,
          { logger, metricSourceTypes: extensions.metricSources },
        );
        const oneAttempt = prometheusClients.withRetry({ attempts: 1 });
        const prometheus = opsConfig.prometheus.length
          ? prometheusClients
          : undefined;
        const notEvaluatedMessage = prometheus
          ? 'Not evaluated yet: the first evaluation round has not reached this SLO'
          : 'No Prometheus server is configured (ops.prometheus.servers)';
        let sloPreview: SloPreviewService | undefined;
        if (!prometheus) {
          logger.info(
            'No Prometheus server configured (ops.prometheus.servers): SLOs are not evaluated',
          );
        } else {
          const evaluator = new SloEvaluator({
            catalog,
            auth,
            store,
            prometheus,
            logger,
            thresholds: opsConfig.slo.policy,
            policies,
            versions,
            corrections: correctionStore,
            resolutionSeconds: opsConfig.slo.expressionResolutionSeconds,
            maxGroups: opsConfig.slo.maxGroups,
            onRound: statuses => notifier.sloRound(statuses),
          });
          // One round at a time, or shared by replicas (ops.slo.shards).
          await scheduleSloEvaluation({
            config,
            scheduler,
            database,
            lifecycle,
            logger,
            evaluationInterval: opsConfig.slo.evaluationInterval,
            evaluate: include => evaluator.evaluateAll(include),
          });
          // Drafts are evaluated by the same evaluator, stored nowhere.
          sloPreview = new SloPreviewService({
            evaluator,
            catalog,
            permissions,
            policies,
            resolutionSeconds: opsConfig.slo.expressionResolutionSeconds,
            rateLimit: opsConfig.slo.previewRateLimit,
          });
        }
        // Monthly sums of the daily rollups: a month's statuses, the report's months.
        const rollups = await DatabaseMonthlyRollups.create({ database });
        const slos = new DefaultSloService({
          catalog,
          store,
          rollups,
          notEvaluatedMessage: () => notEvaluatedMessage,
          thresholds: opsConfig.slo.policy,
          policies,
          versions,
        });
        // Weekly and monthly SLO digests (README, "Digests").
        const digests = await SloDigests.create({
          config: opsConfig.notifications,
          database,
          source: sloDigestSource({ slos, store, auth }),
          notifier: notifier.notifier,
          logger,
        });
        await digests.schedule(scheduler);
        // ops.runbook.execute is a catalog-entity resource permission: the
        // catalog applies conditional decisions on it (docs/runbook-actions.md).
        permissionsRegistry.addPermissions(opsPermissions);
        const gate = await setupGate({ config, database, permissions, slos });
        registerGateAction(actionsRegistry, gate);
        const changes = await setupChanges({
          database,
          catalog,
          auth,
          permissions,
        });
        const alerts = await createAlerts({
          config: opsConfig,
          logger,
          prometheus: oneAttempt,
          database,
          catalog,
          permissions,
        });
        const health = await setupHealth({
          config: opsConfig,
          database,
          scheduler,
          catalog,
          auth,
          logger,
          onRound: probes => notifier.healthRound(probes),
        });
        const backups = await setupBackups({
          config: opsConfig,
          database,
          scheduler,
          catalog,
          auth,
          logger,
          prometheus,
          readers: extensions.backupSources,
          onStatuses: statuses => notifier.backupRound(statuses),
        });
        const report = new DefaultSloReportService({
          slos,
          rollups,
          corrections: correctionStore,
          mttr: alertMttrSource(alerts),
          versions,
          backupCoverage: {
            coverage: (refs, credentials) =>
              backups.rpoCoverage(refs, credentials),
          },
        });
        const runbooks = await setupRunbooks({
          config: opsConfig,
          database,
          scheduler,
          catalog,
          permissions,
          auditor,
          logger,
          signals,
          onFinished: execution => notifier.executionFinished(execution),
          alerts,
          actionTypes: extensions.actionTypes,
          prometheus: oneAttempt,
        });
        // The same services as the routes, for AI assistants over MCP.
        registerOpsActions(actionsRegistry, {
          slos,
          alerts: alerts.alerts,
          runbooks,
          backups,
          health,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            logger,
            config: opsConfig,
            slos,
            report,
            sloPreview,
            sloRules: new SloRulesService(catalog, readSloRuleOptions(config)),
            auditor,
            alerts,
            health,
            runbooks,
            backups,
            gate,
            corrections: new SloCorrectionService({
              store: correctionStore,
              catalog,
              permissions,
            }),
            changes,
          }),
        );
      },
    });
  },
});
