import type { BackupPolicyEntity, BackupTarget } from '@unyo/plugin-ops-common';

/**
 * The catalog path of a target's source field, e.g.
 * `spec.targets[1].source.stanza`, for messages about bad catalog values.
 *
 * @public
 */
export function sourceFieldPath(
  policy: BackupPolicyEntity,
  target: BackupTarget,
  field: string,
): string {
  const targets = policy.spec.targets;
  let index = targets.indexOf(target);
  if (index < 0) index = targets.findIndex(t => t.name === target.name);
  return `spec.targets[${index}].source.${field}`;
}
