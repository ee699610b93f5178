import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  hasJourneys,
  hasSlos,
  isOpsKindEntity,
  isSloEntity,
} from '../lib/predicates';
import { isBackupRelevantEntity } from '../lib/backups';
import { isComponentResourceOrSystem, isKind } from './filters';
import { hasOpsSummary } from './summaryFilter';

/**
 * Overview card of Components, Resources and Systems that SLOs measure: the
 * SLOs with their live status.
 */
export const entitySloCard = EntityCardBlueprint.make({
  name: 'slos',
  params: {
    filter: entity => isComponentResourceOrSystem(entity) && hasSlos(entity),
    loader: () =>
      import('../components/slo/EntitySloCard').then(m => <m.EntitySloCard />),
  },
});

/**
 * Overview card of Systems and services with journeys (CompositeSLOs): each
 * journey's SLI, budget left and policy, and the system-level budget.
 */
export const entityJourneysCard = EntityCardBlueprint.make({
  name: 'journeys',
  params: {
    filter: entity =>
      isComponentResourceOrSystem(entity) && hasJourneys(entity),
    loader: () =>
      import('../components/slo/EntityJourneysCard').then(m => (
        <m.EntityJourneysCard />
      )),
  },
});

/**
 * SLO entity page: what the SLO declares and the error budget it implies.
 */
export const entitySloSummaryCard = EntityCardBlueprint.make({
  name: 'slo-summary',
  params: {
    filter: isSloEntity,
    loader: () =>
      import('../components/slo/EntitySloSummaryCard').then(m => (
        <m.EntitySloSummaryCard />
      )),
  },
});

/**
 * SLO entity page: live status of the SLO with the burn-down chart of its
 * window (recharts, loaded only with this card).
 */
export const entitySloStatusCard = EntityCardBlueprint.make({
  name: 'slo-status',
  params: {
    filter: isSloEntity,
    loader: () =>
      import('../components/slo/EntitySloStatusCard').then(m => (
        <m.EntitySloStatusCard />
      )),
  },
});

/**
 * SLO, SLI and BackupPolicy entity pages: relations as links.
 */
export const entityOpsRelationsCard = EntityCardBlueprint.make({
  name: 'relations',
  params: {
    type: 'info',
    filter: isOpsKindEntity,
    loader: () =>
      import('../components/entity/EntityOpsRelationsCard').then(m => (
        <m.EntityOpsRelationsCard />
      )),
  },
});

/**
 * SLO, SLI and BackupPolicy entity pages: the spec as YAML.
 */
export const entityRawSpecCard = EntityCardBlueprint.make({
  name: 'raw-spec',
  params: {
    filter: isOpsKindEntity,
    loader: () =>
      import('../components/entity/EntityRawSpecCard').then(m => (
        <m.EntityRawSpecCard />
      )),
  },
});

/**
 * Overview card of Components and Resources with a `unyo.dev/health-url`:
 * each endpoint's probed health, dependencies and last 24 hours.
 */
export const entityHealthCard = EntityCardBlueprint.make({
  name: 'health',
  params: {
    filter: entity =>
      ['component', 'resource'].includes(
        entity.kind.toLocaleLowerCase('en-US'),
      ) && !!entity.metadata.annotations?.['unyo.dev/health-url'],
    loader: () =>
      import('../components/health/EntityHealthCard').then(m => (
        <m.EntityHealthCard />
      )),
  },
});

/**
 * Overview notice of entities whose `unyo.dev/assumptions` lists fields the
 * source document does not state: each marked "assumed, not in the manual".
 */
export const entityAssumptionsCard = EntityCardBlueprint.make({
  name: 'assumptions',
  params: {
    filter: entity => !!entity.metadata.annotations?.['unyo.dev/assumptions'],
    loader: () =>
      import('../components/entity/EntityAssumptionsCard').then(m => (
        <m.EntityAssumptionsCard />
      )),
  },
});

/**
 * System page card: the health of all the system's components at a glance.
 */
export const entitySystemHealthCard = EntityCardBlueprint.make({
  name: 'system-health',
  params: {
    filter: isKind('system'),
    loader: () =>
      import('../components/health/EntitySystemHealthCard').then(m => (
        <m.EntitySystemHealthCard />
      )),
  },
});

/**
 * Overview card of Components, Resources and Systems with a
 * `unyo.dev/alert-selector`: firing alerts with their runbook and the
 * manual's level, alert rules, silences, 30-day counts and MTTR.
 */
export const entityAlertsCard = EntityCardBlueprint.make({
  name: 'alerts',
  params: {
    filter: entity =>
      isComponentResourceOrSystem(entity) &&
      !!entity.metadata.annotations?.['unyo.dev/alert-selector'],
    loader: () =>
      import('../components/alerts/EntityAlertsCard').then(m => (
        <m.EntityAlertsCard />
      )),
  },
});

/**
 * Overview card of BackupPolicies, of Components and Resources a policy
 * protects, and of data-holding Resources (databases, buckets) even
 * unprotected: each target's live backup state against its RPO.
 */
export const entityBackupsCard = EntityCardBlueprint.make({
  name: 'backups',
  params: {
    filter: isBackupRelevantEntity,
    loader: () =>
      import('../components/backups/EntityBackupsCard').then(m => (
        <m.EntityBackupsCard />
      )),
  },
});

/**
 * System page card: the system's databases and buckets with the policies
 * that protect them; unprotected ones highlighted.
 */
export const entityBackupCoverageCard = EntityCardBlueprint.make({
  name: 'backup-coverage',
  params: {
    filter: isKind('system'),
    loader: () =>
      import('../components/backups/BackupCoverageCard').then(m => (
        <m.EntityBackupCoverageCard />
      )),
  },
});

/**
 * Overview card of Components, Resources and Systems with SLOs, alerts,
 * health endpoints or backups: all four at a glance. The app places it near
 * the top of the overview by listing it first in `app.extensions`.
 */
export const entityOpsSummaryCard = EntityCardBlueprint.make({
  name: 'ops-summary',
  params: {
    filter: hasOpsSummary,
    loader: () =>
      import('../components/entity/EntityOpsSummaryCard').then(m => (
        <m.EntityOpsSummaryCard />
      )),
  },
});
