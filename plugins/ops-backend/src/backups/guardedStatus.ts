import {
  BackupPolicyEntity,
  BackupStatus,
  parseBackupDuration,
} from '@unyo/plugin-ops-common';
import { protectsOf } from './policyFacts';

/**
 * A policy the schema let through but the maths cannot use (say, a cron
 * cron-parser refuses) becomes an `unknown` row naming the problem, and the
 * other rows still show.
 */
export function guarded(
  policyRef: string,
  target: string,
  policy: BackupPolicyEntity,
  evaluate: () => BackupStatus,
): BackupStatus {
  try {
    return evaluate();
  } catch (error) {
    const spec = policy.spec.targets.find(t => t.name === target);
    let rpoSeconds = 0;
    try {
      rpoSeconds = parseBackupDuration(policy.spec.rpo);
    } catch {
      // The message below says what is wrong.
    }
    return {
      policyRef,
      target,
      source: { type: spec?.source.type ?? 'push' },
      lastSuccessAt: null,
      ageSeconds: null,
      rpoSeconds,
      status: 'unknown',
      retention: { expected: null, found: null },
      lastRestoreTestAt: null,
      message: `Cannot evaluate: ${(error as Error).message}`,
      checkedAt: null,
      protects: protectsOf(policy),
    };
  }
}
