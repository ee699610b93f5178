import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { createAlertRoutes } from './alerts';
import { AlertHistoryStore } from './alerts/AlertHistoryStore';
import { AlertService, SilenceService } from './alerts/AlertService';
import express from 'express';
import Router from 'express-promise-router';
import { OpsConfig } from './config/OpsConfig';
import { BackupService } from './backups/BackupService';
import { createChangeRoutes } from './changes/routes';
import { ChangeService } from './changes/types';
import { createBackupRoutes } from './backups/routes';
import { createGateRoutes } from './gate/routes';
import { GateService } from './gate/types';
import { createHealthRoutes } from './health/routes';
import { createRunbookRoutes, RunbookService } from './runbooks';
import { HealthService } from './health/HealthService';
import { inputHygiene } from './lib/inputHygiene';
import { specParameters } from './lib/specParameters';
import { hideInternalErrors } from './lib/internalErrors';
import { sourceStatus } from './service/sourceStatus';
import { createSloCorrectionRoutes } from './slo/corrections/routes';
import { SloCorrectionService } from './slo/corrections/SloCorrectionService';
import { createSloRoutes } from './slo/routes';
import { SloService } from './slo/SloService';
import { SloReportService } from './slo/report/SloReportService';
import { SloPreviewService } from './slo/preview/SloPreviewService';
import { createSloRuleRoutes } from './slo/rules/routes';
import { SloRulesService } from './slo/rules/SloRulesService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  /** Keeps unexpected errors, which answers carry only a log id of. */
  logger?: LoggerService;
  config: OpsConfig;
  slos: SloService;
  report?: SloReportService;
  /** `POST /slos/preview`: a draft SLO evaluated now (with Prometheus only). */
  sloPreview?: SloPreviewService;
  /** `GET /slos/rules`: Prometheus rules generated from the SLOs. */
  sloRules?: SloRulesService;
  auditor?: AuditorService;
  alerts?: {
    alerts: AlertService;
    silences: SilenceService;
    history: AlertHistoryStore;
  };
  health?: HealthService;
  runbooks?: RunbookService;
  backups?: BackupService;
  /** `GET /gate`, `GET|POST /gate/overrides`: the deploy gate. */
  gate?: GateService;
  /** `GET|POST /slos/{namespace}/{name}/corrections`: error-budget corrections. */
  corrections?: SloCorrectionService;
  /** `GET|POST /changes`: change markers on the SLO charts. */
  changes?: ChangeService;
}

/** `/api/ops`: each feature's routes, validated in their own files. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, config, slos } = options;
  const router = Router();
  // Before every route: the limits of docs/input-limits.md.
  router.use(inputHygiene());
  // Path and query parameters as src/schema/openapi.yaml declares them.
  router.use(specParameters());
  // Before the shared JSON parser: the webhook route parses larger bodies.
  if (options.alerts && options.auditor) {
    router.use(
      createAlertRoutes({
        httpAuth,
        auditor: options.auditor,
        ...options.alerts,
      }),
    );
  }
  router.use(express.json());

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(sourceStatus(config));
  });
  if (options.sloRules) {
    router.use(createSloRuleRoutes({ httpAuth, rules: options.sloRules }));
  }
  router.use(
    createSloRoutes({
      httpAuth,
      slos,
      report: options.report,
      preview: options.sloPreview,
    }),
  );
  if (options.health) {
    router.use(createHealthRoutes({ httpAuth, health: options.health }));
  }
  if (options.backups && options.auditor) {
    router.use(
      createBackupRoutes({
        httpAuth,
        auditor: options.auditor,
        backups: options.backups,
      }),
    );
  }
  if (options.gate && options.auditor) {
    router.use(
      createGateRoutes({
        httpAuth,
        auditor: options.auditor,
        gate: options.gate,
      }),
    );
  }
  if (options.corrections && options.auditor) {
    router.use(
      createSloCorrectionRoutes({
        httpAuth,
        auditor: options.auditor,
        corrections: options.corrections,
      }),
    );
  }
  if (options.changes && options.auditor) {
    router.use(
      createChangeRoutes({
        httpAuth,
        auditor: options.auditor,
        changes: options.changes,
      }),
    );
  }
  if (options.runbooks) {
    router.use(createRunbookRoutes({ httpAuth, runbooks: options.runbooks }));
  }
  if (options.logger) {
    router.use(hideInternalErrors(options.logger));
  }

  return router;
}
