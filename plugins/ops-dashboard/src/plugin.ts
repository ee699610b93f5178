import type { EntitySloStatusCardProps } from './components/slo/EntitySloStatusCard';
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { opsApiRef, OpsClient } from './api';
import {
  entityContentRouteRef,
  sloPreviewRouteRef,
  sloReportRouteRef,
} from './routes';

/**
 * The ops-dashboard plugin for apps on the old frontend system. Apps on the
 * new frontend system use the default export of
 * `@unyo/plugin-ops-dashboard/alpha` instead.
 *
 * @public
 */
export const opsDashboardPlugin = createPlugin({
  id: 'ops-dashboard',
  apis: [
    createApiFactory({
      api: opsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new OpsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    entityContent: entityContentRouteRef,
    sloReport: sloReportRouteRef,
    sloPreview: sloPreviewRouteRef,
  },
});

/**
 * The SLO report page for managers: every SLO with attainment this month and
 * over a year, budget left, policy; CSV export and printing.
 *
 * @public
 */
export const SloReportPage: () => JSX.Element = opsDashboardPlugin.provide(
  createRoutableExtension({
    name: 'SloReportPage',
    mountPoint: sloReportRouteRef,
    component: () =>
      import('./components/report/SloReportPage').then(m => m.SloReportPage),
  }),
);

/**
 * The SLO preview page for developers: a draft SLO document pasted and
 * evaluated now, with the status figures and burn-down the SLO page shows.
 *
 * @public
 */
export const SloPreviewPage: () => JSX.Element = opsDashboardPlugin.provide(
  createRoutableExtension({
    name: 'SloPreviewPage',
    mountPoint: sloPreviewRouteRef,
    component: () =>
      import('./components/slo/SloPreviewPage').then(m => m.SloPreviewPage),
  }),
);

/**
 * The SLO report of a Group or System entity page (an entity tab).
 *
 * @public
 */
export const EntitySloReportContent: () => JSX.Element =
  opsDashboardPlugin.provide(
    createComponentExtension({
      name: 'EntitySloReportContent',
      component: {
        lazy: () =>
          import('./components/report/SloReportEntityContent').then(
            m => m.SloReportEntityContent,
          ),
      },
    }),
  );

/**
 * The "Operations" tab for Components, Resources and Systems: SLOs, backup
 * policies and runbooks.
 *
 * @public
 */
export const EntityOpsContent: () => JSX.Element = opsDashboardPlugin.provide(
  createRoutableExtension({
    name: 'EntityOpsContent',
    mountPoint: entityContentRouteRef,
    component: () =>
      import('./components/entity/EntityOpsContent').then(
        m => m.EntityOpsContent,
      ),
  }),
);

/**
 * Overview card: the SLOs that measure the entity with their live status.
 *
 * @public
 */
export const EntitySloCard: () => JSX.Element = opsDashboardPlugin.provide(
  createComponentExtension({
    name: 'EntitySloCard',
    component: {
      lazy: () =>
        import('./components/slo/EntitySloCard').then(m => m.EntitySloCard),
    },
  }),
);

/**
 * Overview card of a System or service: its journeys (CompositeSLOs) with
 * their live status and the system-level budget.
 *
 * @public
 */
export const EntityJourneysCard: () => JSX.Element = opsDashboardPlugin.provide(
  createComponentExtension({
    name: 'EntityJourneysCard',
    component: {
      lazy: () =>
        import('./components/slo/EntityJourneysCard').then(
          m => m.EntityJourneysCard,
        ),
    },
  }),
);

/**
 * Overview card: the alerts the entity's `unyo.dev/alert-selector` selects,
 * with runbook links, alert rules, silences, 30-day counts and MTTR.
 *
 * @public
 */
export const EntityAlertsCard: () => JSX.Element = opsDashboardPlugin.provide(
  createComponentExtension({
    name: 'EntityAlertsCard',
    component: {
      lazy: () =>
        import('./components/alerts/EntityAlertsCard').then(
          m => m.EntityAlertsCard,
        ),
    },
  }),
);

/**
 * SLO entity page: what the SLO declares and the error budget it implies.
 *
 * @public
 */
export const EntitySloSummaryCard: () => JSX.Element =
  opsDashboardPlugin.provide(
    createComponentExtension({
      name: 'EntitySloSummaryCard',
      component: {
        lazy: () =>
          import('./components/slo/EntitySloSummaryCard').then(
            m => m.EntitySloSummaryCard,
          ),
      },
    }),
  );

/**
 * SLO entity page: live status of the SLO (error budget left, SLI, policy,
 * burn rates and alerts) with the burn-down chart of its window.
 *
 * @public
 */
export const EntitySloStatusCard: (
  props: EntitySloStatusCardProps,
) => JSX.Element = opsDashboardPlugin.provide(
  createComponentExtension({
    name: 'EntitySloStatusCard',
    component: {
      lazy: () =>
        import('./components/slo/EntitySloStatusCard').then(
          m => m.EntitySloStatusCard,
        ),
    },
  }),
);

/**
 * SLO, SLI and BackupPolicy entity pages: relations as links.
 *
 * @public
 */
export const EntityOpsRelationsCard: () => JSX.Element =
  opsDashboardPlugin.provide(
    createComponentExtension({
      name: 'EntityOpsRelationsCard',
      component: {
        lazy: () =>
          import('./components/entity/EntityOpsRelationsCard').then(
            m => m.EntityOpsRelationsCard,
          ),
      },
    }),
  );

/**
 * Overview card: the health of the entity's `unyo.dev/health-url` endpoints.
 *
 * @public
 */
export const EntityHealthCard: () => JSX.Element = opsDashboardPlugin.provide(
  createComponentExtension({
    name: 'EntityHealthCard',
    component: {
      lazy: () =>
        import('./components/health/EntityHealthCard').then(
          m => m.EntityHealthCard,
        ),
    },
  }),
);

/**
 * The operations of an entity at a glance, for the top of its overview: SLO
 * error budgets, firing alerts, health and backups.
 *
 * @public
 */
export const EntityOpsSummaryCard: () => JSX.Element =
  opsDashboardPlugin.provide(
    createComponentExtension({
      name: 'EntityOpsSummaryCard',
      component: {
        lazy: () =>
          import('./components/entity/EntityOpsSummaryCard').then(
            m => m.EntityOpsSummaryCard,
          ),
      },
    }),
  );

/**
 * System page card: the health of all the system's components.
 *
 * @public
 */
export const EntitySystemHealthCard: () => JSX.Element =
  opsDashboardPlugin.provide(
    createComponentExtension({
      name: 'EntitySystemHealthCard',
      component: {
        lazy: () =>
          import('./components/health/EntitySystemHealthCard').then(
            m => m.EntitySystemHealthCard,
          ),
      },
    }),
  );

/**
 * The entity's spec as YAML with a copy button.
 *
 * @public
 */
export const EntityRawSpecCard: () => JSX.Element = opsDashboardPlugin.provide(
  createComponentExtension({
    name: 'EntityRawSpecCard',
    component: {
      lazy: () =>
        import('./components/entity/EntityRawSpecCard').then(
          m => m.EntityRawSpecCard,
        ),
    },
  }),
);

/**
 * Overview card of Components, Resources and BackupPolicies: each backup
 * target's live state, last success, age against the RPO, copies kept and
 * restore drill.
 *
 * @public
 */
export const EntityBackupsCard: () => JSX.Element = opsDashboardPlugin.provide(
  createComponentExtension({
    name: 'EntityBackupsCard',
    component: {
      lazy: () =>
        import('./components/backups/EntityBackupsCard').then(
          m => m.EntityBackupsCard,
        ),
    },
  }),
);

/**
 * System page card: which databases and buckets a BackupPolicy protects.
 *
 * @public
 */
export const EntityBackupCoverageCard: () => JSX.Element =
  opsDashboardPlugin.provide(
    createComponentExtension({
      name: 'EntityBackupCoverageCard',
      component: {
        lazy: () =>
          import('./components/backups/BackupCoverageCard').then(
            m => m.EntityBackupCoverageCard,
          ),
      },
    }),
  );
