import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Creating (and expiring) an Alertmanager silence from the portal. A resource
 * permission on the catalog entity whose alerts are silenced (the silence
 * stays within that entity's alert selector), so policies can decide per
 * entity (e.g. only its owners may silence it).
 *
 * @public
 */
export const opsSilenceCreatePermission = createPermission({
  name: 'ops.silence.create',
  attributes: { action: 'create' },
  // RESOURCE_TYPE_CATALOG_ENTITY, as for opsRunbookExecutePermission below.
  resourceType: 'catalog-entity',
});

/**
 * Executing a runbook action. A resource permission on the Runbook entity, so
 * policies can decide per runbook (e.g. only its owners may run it).
 *
 * @public
 */
export const opsRunbookExecutePermission = createPermission({
  name: 'ops.runbook.execute',
  attributes: { action: 'update' },
  // RESOURCE_TYPE_CATALOG_ENTITY of @backstage/plugin-catalog-common, spelled
  // out to keep this package's dependencies to what it otherwise needs.
  resourceType: 'catalog-entity',
});

/**
 * Overriding the deploy gate of a catalog entity (`POST /api/ops/gate/overrides`):
 * its deploys are allowed whatever its SLOs' error-budget policy says, until
 * the override expires. A resource permission on that entity, as for
 * silences, so policies can decide per entity.
 *
 * @public
 */
export const opsGateOverridePermission = createPermission({
  name: 'ops.gate.override',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Adding or deleting an error-budget correction of an SLO
 * (`POST|DELETE /api/ops/slos/{namespace}/{name}/corrections`): the span is
 * removed from the SLO's good and total. A resource permission on the SLO
 * entity, so policies can decide per SLO.
 *
 * @public
 */
export const opsSloCorrectPermission = createPermission({
  name: 'ops.slo.correct',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Previewing a draft SLO (`POST /api/ops/slos/preview`): the backend runs the
 * draft's PromQL on the configured Prometheus servers. A basic permission, as
 * the draft is no catalog entity yet; allowed unless a policy denies it.
 *
 * @public
 */
export const opsSloPreviewPermission = createPermission({
  name: 'ops.slo.preview',
  attributes: { action: 'read' },
});

/**
 * Posting a change marker of a catalog entity (`POST /api/ops/changes`): a
 * deploy, config change or flag drawn on the charts of its SLOs. A resource
 * permission on that entity. Service tokens are decided by their access
 * restrictions (docs/change-markers.md).
 *
 * @public
 */
export const opsChangeCreatePermission = createPermission({
  name: 'ops.change.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/** All permissions of the ops plugins, for the permission registry. @public */
export const opsPermissions = [
  opsSilenceCreatePermission,
  opsRunbookExecutePermission,
  opsGateOverridePermission,
  opsSloCorrectPermission,
  opsSloPreviewPermission,
  opsChangeCreatePermission,
];
