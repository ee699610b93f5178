import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import AssessmentIcon from '@mui/icons-material/Assessment';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { opsApiRef, OpsClient } from './api';
import {
  hasOpsRelations,
  hasSlos,
  isOpsKindEntity,
  isSloEntity,
} from './lib/predicates';
import { isBackupRelevantEntity } from './lib/backups';

/** @alpha */
export const opsApi = ApiBlueprint.make({
  name: 'ops',
  params: defineParams =>
    defineParams({
      api: opsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new OpsClient({ discoveryApi, fetchApi }),
    }),
});

const isComponentResourceOrSystem = (kind: string) =>
  ['component', 'resource', 'system'].includes(kind.toLocaleLowerCase('en-US'));

/**
 * Overview card of Components, Resources and Systems that SLOs measure: the
 * SLOs with their live status.
 *
 * @alpha
 */
export const entitySloCard = EntityCardBlueprint.make({
  name: 'slos',
  params: {
    filter: entity =>
      isComponentResourceOrSystem(entity.kind) && hasSlos(entity),
    loader: () =>
      import('./components/EntitySloCard').then(m => <m.EntitySloCard />),
  },
});

/**
 * SLO entity page: what the SLO declares and the error budget it implies.
 *
 * @alpha
 */
export const entitySloSummaryCard = EntityCardBlueprint.make({
  name: 'slo-summary',
  params: {
    filter: isSloEntity,
    loader: () =>
      import('./components/EntitySloSummaryCard').then(m => (
        <m.EntitySloSummaryCard />
      )),
  },
});

/**
 * SLO entity page: live status of the SLO with the burn-down chart of its
 * window (recharts, loaded only with this card).
 *
 * @alpha
 */
export const entitySloStatusCard = EntityCardBlueprint.make({
  name: 'slo-status',
  params: {
    filter: isSloEntity,
    loader: () =>
      import('./components/EntitySloStatusCard').then(m => (
        <m.EntitySloStatusCard />
      )),
  },
});

/**
 * SLO, SLI and BackupPolicy entity pages: relations as links.
 *
 * @alpha
 */
export const entityOpsRelationsCard = EntityCardBlueprint.make({
  name: 'relations',
  params: {
    type: 'info',
    filter: isOpsKindEntity,
    loader: () =>
      import('./components/EntityOpsRelationsCard').then(m => (
        <m.EntityOpsRelationsCard />
      )),
  },
});

/**
 * SLO, SLI and BackupPolicy entity pages: the spec as YAML.
 *
 * @alpha
 */
export const entityRawSpecCard = EntityCardBlueprint.make({
  name: 'raw-spec',
  params: {
    filter: isOpsKindEntity,
    loader: () =>
      import('./components/EntityRawSpecCard').then(m => (
        <m.EntityRawSpecCard />
      )),
  },
});

/**
 * Overview card of Components and Resources with a `unyo.dev/health-url`:
 * each endpoint's probed health, dependencies and last 24 hours.
 *
 * @alpha
 */
export const entityHealthCard = EntityCardBlueprint.make({
  name: 'health',
  params: {
    filter: entity =>
      ['component', 'resource'].includes(
        entity.kind.toLocaleLowerCase('en-US'),
      ) && !!entity.metadata.annotations?.['unyo.dev/health-url'],
    loader: () =>
      import('./components/EntityHealthCard').then(m => <m.EntityHealthCard />),
  },
});

/**
 * Overview notice of entities whose `unyo.dev/assumptions` lists fields the
 * source document does not state: each marked "assumed, not in the manual".
 *
 * @alpha
 */
export const entityAssumptionsCard = EntityCardBlueprint.make({
  name: 'assumptions',
  params: {
    filter: entity => !!entity.metadata.annotations?.['unyo.dev/assumptions'],
    loader: () =>
      import('./components/EntityAssumptionsCard').then(m => (
        <m.EntityAssumptionsCard />
      )),
  },
});

/**
 * System page card: the health of all the system's components at a glance.
 *
 * @alpha
 */
export const entitySystemHealthCard = EntityCardBlueprint.make({
  name: 'system-health',
  params: {
    filter: entity => entity.kind.toLocaleLowerCase('en-US') === 'system',
    loader: () =>
      import('./components/EntitySystemHealthCard').then(m => (
        <m.EntitySystemHealthCard />
      )),
  },
});

/**
 * Overview card of Components, Resources and Systems with a
 * `unyo.dev/alert-selector`: firing alerts with their runbook and the
 * manual's level, alert rules, silences, 30-day counts and MTTR.
 *
 * @alpha
 */
export const entityAlertsCard = EntityCardBlueprint.make({
  name: 'alerts',
  params: {
    filter: entity =>
      isComponentResourceOrSystem(entity.kind) &&
      !!entity.metadata.annotations?.['unyo.dev/alert-selector'],
    loader: () =>
      import('./components/EntityAlertsCard').then(m => <m.EntityAlertsCard />),
  },
});

/**
 * Overview card of BackupPolicies, of Components and Resources a policy
 * protects, and of data-holding Resources (databases, buckets) even
 * unprotected: each target's live backup state against its RPO.
 *
 * @alpha
 */
export const entityBackupsCard = EntityCardBlueprint.make({
  name: 'backups',
  params: {
    filter: isBackupRelevantEntity,
    loader: () =>
      import('./components/EntityBackupsCard').then(m => (
        <m.EntityBackupsCard />
      )),
  },
});

/**
 * System page card: the system's databases and buckets with the policies
 * that protect them; unprotected ones highlighted.
 *
 * @alpha
 */
export const entityBackupCoverageCard = EntityCardBlueprint.make({
  name: 'backup-coverage',
  params: {
    filter: entity => entity.kind.toLocaleLowerCase('en-US') === 'system',
    loader: () =>
      import('./components/BackupCoverageCard').then(m => (
        <m.EntityBackupCoverageCard />
      )),
  },
});

/**
 * The "Operations" tab of Components, Resources and Systems that have SLOs,
 * backup policies or runbooks.
 *
 * @alpha
 */
export const entityOpsContent = EntityContentBlueprint.make({
  name: 'ops',
  params: {
    path: 'ops',
    title: 'Operations',
    filter: entity =>
      isComponentResourceOrSystem(entity.kind) && hasOpsRelations(entity),
    loader: () =>
      import('./components/EntityOpsContent').then(m => <m.EntityOpsContent />),
  },
});

// The app's sidebar lists only pages with a route ref.
const sloReportPageRouteRef = createRouteRef();

/**
 * The SLO report page (`/slo-report`, in the sidebar): every SLO with its
 * attainment this month and over a year, budget left and policy.
 *
 * @alpha
 */
export const sloReportPage = PageBlueprint.make({
  name: 'slo-report',
  params: {
    path: '/slo-report',
    routeRef: sloReportPageRouteRef,
    title: 'SLO report',
    icon: <AssessmentIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('./components/SloReportPage').then(m => <m.SloReportPage />),
  },
});

/**
 * The "SLO report" tab of Groups (the SLOs of what they own) and Systems.
 *
 * @alpha
 */
export const entitySloReportContent = EntityContentBlueprint.make({
  name: 'slo-report',
  params: {
    path: 'slo-report',
    title: 'SLO report',
    filter: entity =>
      ['group', 'system'].includes(entity.kind.toLocaleLowerCase('en-US')),
    loader: () =>
      import('./components/SloReportEntityContent').then(m => (
        <m.SloReportEntityContent />
      )),
  },
});

/**
 * The ops-dashboard plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ops-dashboard',
  title: 'Operations',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    opsApi,
    entitySloCard,
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
    entitySloReportContent,
  ],
});

export {
  opsDashboardTranslationRef,
  opsDashboardTranslations,
} from './translation';
