import { fixtureOf } from '../__testUtils__/loadFixtures';
import {
  getBackupPolicyProtectsRefs,
  getOpsOwnerRef,
  getRunbookAppliesToRefs,
  getSloServiceRef,
} from './entityRefs';

describe('entity refs', () => {
  it('resolves a bare service name to a component in the SLO namespace', () => {
    const slo = fixtureOf('slo-rolling.yaml', 'SLO');
    expect(getSloServiceRef(slo)).toBe('component:default/identity-service');

    slo.metadata.namespace = 'payments';
    expect(getSloServiceRef(slo)).toBe('component:payments/identity-service');

    slo.spec.service = 'system:shared/identity';
    expect(getSloServiceRef(slo)).toBe('system:shared/identity');
  });

  it('resolves a bare owner to a group and keeps full refs', () => {
    const runbook = fixtureOf('runbook.yaml', 'Runbook');
    runbook.metadata.namespace = 'ops';
    runbook.spec.owner = 'sre';
    runbook.spec.appliesTo = [
      'identity-service',
      'Resource:default/identity-db',
    ];
    expect(getOpsOwnerRef(runbook)).toBe('group:ops/sre');
    expect(getRunbookAppliesToRefs(runbook)).toEqual([
      'component:ops/identity-service',
      'resource:default/identity-db',
    ]);
  });

  it('resolves what a backup policy protects', () => {
    const policy = fixtureOf('backup-policy.yaml', 'BackupPolicy');
    policy.spec.protects.push('event-store');
    expect(getBackupPolicyProtectsRefs(policy)).toEqual([
      'resource:default/event-store-db',
      'component:default/event-store',
    ]);
    expect(getOpsOwnerRef(policy)).toBe('group:default/platform');
  });
});
