import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { hasOpsRelations } from '../lib/predicates';
import { isComponentResourceOrSystem } from './filters';

/**
 * The "Operations" tab of Components, Resources and Systems that have SLOs,
 * backup policies or runbooks.
 */
export const entityOpsContent = EntityContentBlueprint.make({
  name: 'ops',
  params: {
    path: 'ops',
    title: 'Operations',
    filter: entity =>
      isComponentResourceOrSystem(entity) && hasOpsRelations(entity),
    loader: () =>
      import('../components/entity/EntityOpsContent').then(m => (
        <m.EntityOpsContent />
      )),
  },
});

/**
 * The "SLO report" tab of Groups (the SLOs of what they own) and Systems.
 */
export const entitySloReportContent = EntityContentBlueprint.make({
  name: 'slo-report',
  params: {
    path: 'slo-report',
    title: 'SLO report',
    filter: entity =>
      ['group', 'system'].includes(entity.kind.toLocaleLowerCase('en-US')),
    loader: () =>
      import('../components/report/SloReportEntityContent').then(m => (
        <m.SloReportEntityContent />
      )),
  },
});
