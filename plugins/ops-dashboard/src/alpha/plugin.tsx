import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { opsApi } from './apis';
import {
  entityAlertsCard,
  entityBackupCoverageCard,
  entityBackupsCard,
  entityAssumptionsCard,
  entityHealthCard,
  entityJourneysCard,
  entityOpsRelationsCard,
  entityOpsSummaryCard,
  entityRawSpecCard,
  entitySloCard,
  entitySloStatusCard,
  entitySloSummaryCard,
  entitySystemHealthCard,
} from './entityCards';
import { entityOpsContent, entitySloReportContent } from './entityContents';
import { sloPreviewPage, sloReportPage } from './pages';

/**
 * The ops-dashboard plugin for the new frontend system: the ops API, the SLO,
 * alert, health and backup entity cards, the "Operations" and "SLO report"
 * entity tabs, the SLO report page and the SLO preview page. Extensions are configured through
 * `app.extensions` by their ids (e.g. `entity-card:ops-dashboard/slos`).
 *
 * @alpha
 */
export const opsDashboardPlugin = createFrontendPlugin({
  pluginId: 'ops-dashboard',
  title: 'Operations',
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    opsApi,
    entityOpsSummaryCard,
    entitySloCard,
    entityJourneysCard,
    entitySloStatusCard,
    entitySloSummaryCard,
    entityOpsRelationsCard,
    entityRawSpecCard,
    entityOpsContent,
    entityAlertsCard,
    entityHealthCard,
    entityAssumptionsCard,
    entitySystemHealthCard,
    entityBackupsCard,
    entityBackupCoverageCard,
    sloReportPage,
    sloPreviewPage,
    entitySloReportContent,
  ],
});
