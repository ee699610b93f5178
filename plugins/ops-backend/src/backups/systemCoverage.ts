import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  BackupCoverage,
  BackupPolicyEntity,
  BackupStatus,
  holdsData,
  RELATION_PROTECTED_BY,
  RESTORE_TEST_TARGET,
  worstBackupState,
} from '@unyo/plugin-ops-common';

/**
 * Which of a system's data parts a policy protects, and the worst status of
 * their copies.
 */
export function systemCoverage(
  system: Entity,
  data: Entity[],
  policies: BackupPolicyEntity[],
  statuses: BackupStatus[],
): BackupCoverage {
  const items = data
    .map(e => {
      const policyRefs = (e.relations ?? [])
        .filter(r => r.type === RELATION_PROTECTED_BY)
        .map(r => r.targetRef)
        .filter(ref => policies.some(p => stringifyEntityRef(p) === ref));
      // Restore drills are not copies: they do not decide coverage.
      const states = statuses
        .filter(
          s =>
            policyRefs.includes(s.policyRef) &&
            s.target !== RESTORE_TEST_TARGET,
        )
        .map(s => s.status);
      return {
        entityRef: stringifyEntityRef(e),
        kind: e.kind,
        ...(e.spec?.type ? { type: String(e.spec.type) } : {}),
        policies: policyRefs,
        status: policyRefs.length ? worstBackupState(states) : null,
      };
    })
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  return {
    entityRef: stringifyEntityRef(system),
    items,
    covered: items.filter(i => i.policies.length > 0).length,
    total: items.length,
  };
}

/** Whether a part of a system counts in its coverage (ops-common's rule). */
export function isDataPart(e: Entity | undefined): e is Entity {
  return !!e && holdsData(e);
}
