import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import type { BackupPolicyEntity } from '../kinds/BackupPolicyEntity';
import type { CompositeSloEntity } from '../kinds/CompositeSloEntity';
import type { RunbookEntity } from '../kinds/RunbookEntity';
import type { SloEntity } from '../kinds/SloEntity';

/**
 * Resolves a reference written in an entity's spec the way Backstage does
 * its own (`spec.owner`, `spec.system`): a bare name gets `defaultKind` and
 * the namespace of the entity that wrote it. Throws on a malformed ref.
 *
 * @public
 */
export function resolveOpsEntityRef(
  entity: Entity,
  ref: string,
  defaultKind: string,
): string {
  return stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind,
      defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
    }),
  );
}

/** The entity an SLO measures, e.g. `component:default/identity-service`. @public */
export function getSloServiceRef(slo: SloEntity): string {
  return resolveOpsEntityRef(slo, slo.spec.service, 'component');
}

/** A Runbook's, BackupPolicy's or CompositeSLO's owner, e.g. `group:default/sre`. @public */
export function getOpsOwnerRef(
  entity: RunbookEntity | BackupPolicyEntity | CompositeSloEntity,
): string {
  return resolveOpsEntityRef(entity, entity.spec.owner, 'group');
}

/** The entities a Runbook applies to. @public */
export function getRunbookAppliesToRefs(runbook: RunbookEntity): string[] {
  return runbook.spec.appliesTo.map(ref =>
    resolveOpsEntityRef(runbook, ref, 'component'),
  );
}

/** The entities a BackupPolicy protects. @public */
export function getBackupPolicyProtectsRefs(
  policy: BackupPolicyEntity,
): string[] {
  return policy.spec.protects.map(ref =>
    resolveOpsEntityRef(policy, ref, 'component'),
  );
}

/**
 * The System (`spec.system`) or service (`spec.service`, a component by
 * default) a CompositeSLO is a journey of.
 *
 * @public
 */
export function getCompositeSloScopeRef(composite: CompositeSloEntity): string {
  const { system, service } = composite.spec;
  return system !== undefined
    ? resolveOpsEntityRef(composite, system, 'system')
    : resolveOpsEntityRef(composite, service ?? '', 'component');
}

/** The SLOs a CompositeSLO is made of, in `spec.components` order. @public */
export function getCompositeSloComponentRefs(
  composite: CompositeSloEntity,
): string[] {
  return composite.spec.components.map(c =>
    resolveOpsEntityRef(composite, c.slo, 'slo'),
  );
}
