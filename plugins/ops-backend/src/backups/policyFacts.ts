import {
  BackupPolicyEntity,
  BackupPolicyFacts,
  getBackupPolicyProtectsRefs,
} from '@unyo/plugin-ops-common';

/** The refs a policy protects; as written when they cannot be parsed. */
export function protectsOf(policy: BackupPolicyEntity): string[] {
  try {
    return getBackupPolicyProtectsRefs(policy);
  } catch {
    return policy.spec.protects;
  }
}

/** The policy fields the status maths of ops-common needs. */
export function factsOf(policy: BackupPolicyEntity): BackupPolicyFacts {
  return {
    rpo: policy.spec.rpo,
    rto: policy.spec.rto,
    restoreTest: policy.spec.restoreTest,
    protects: protectsOf(policy),
  };
}
