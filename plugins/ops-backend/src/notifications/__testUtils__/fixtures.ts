import { Entity } from '@backstage/catalog-model';
import {
  BackupStatus,
  evaluateSloStatus,
  SloStatus,
} from '@unyo/plugin-ops-common';
import { OWNERS } from './notificationsBackend';

export const SLO_REF = 'slo:default/payments-availability';
export const SERVICE_REF = 'component:default/payments-api';
export const BACKUP_POLICY_REF = 'backuppolicy:default/payments-db';

/** The measured service (owner by spec.owner) and its SLO (owner by relation, as the catalog module adds). */
export const serviceEntities = (
  healthUrl = 'http://127.0.0.1:1/health',
): Entity[] => [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      annotations: { 'unyo.dev/health-url': healthUrl },
    },
    spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
  },
  {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'payments-availability', namespace: 'default' },
    spec: { service: 'payments-api' },
    relations: [{ type: 'ownedBy', targetRef: OWNERS }],
  },
];

/** The backup policy protecting the service, owned by the same group. */
export const backupPolicy: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'BackupPolicy',
  metadata: { name: 'payments-db', namespace: 'default' },
  spec: {
    owner: OWNERS,
    protects: [SERVICE_REF],
    rpo: '1d',
    targets: [{ name: 'nightly', source: { type: 'push' } }],
  },
};

export const t0 = new Date('2026-12-01T00:00:00Z');
export const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

/** 2 % bad over the last hour and 5 minutes: 20× the budget rate of 99.9 %, above the first page tier (14.4×). */
const PAGE_BURN = { good: 980, total: 1000 };
/** 0.05 % bad: half the sustainable rate, no tier fires. */
const SLOW_BURN = { good: 9995, total: 10_000 };

/**
 * The status an evaluation round stores for 1,000,000 requests of which
 * `bad` failed, against 99.9 %: 100 bad leaves 90 % of the budget
 * (`normal`), 700 leaves 30 % (`feature-freeze`), by the SLO maths of
 * ops-common. `pageBurn`: the page-level burn-rate alert fires.
 */
export function sloStatusWithBad(
  bad: number,
  now: Date,
  options: { pageBurn?: boolean } = {},
): SloStatus {
  const recent = options.pageBurn ? PAGE_BURN : SLOW_BURN;
  return {
    ref: SLO_REF,
    entityRef: SERVICE_REF,
    title: 'Payments availability',
    ...evaluateSloStatus({
      target: 0.999,
      timeWindow: { duration: '30d', isRolling: true },
      budgetingMethod: 'Occurrences',
      counts: { good: 1_000_000 - bad, total: 1_000_000 },
      burnRateCounts: { '5m': recent, '1h': recent },
      now,
    }),
  };
}

/** A backup target's status as the backup round computes it, in the given state. */
export function backupStatus(status: BackupStatus['status']): BackupStatus {
  return {
    policyRef: BACKUP_POLICY_REF,
    target: 'nightly',
    source: { type: 'push' },
    lastSuccessAt: null,
    ageSeconds: null,
    rpoSeconds: 86400,
    status,
    retention: { expected: null, found: null },
    lastRestoreTestAt: null,
    message:
      status === 'breached' ? 'Newest copy is 30 h old, RPO 1d' : undefined,
    checkedAt: null,
    protects: [SERVICE_REF],
  };
}
