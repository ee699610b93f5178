import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BackupCoverage,
  BackupPolicyEntity,
  BackupPolicyFacts,
  BackupRun,
  BackupsResponse,
  BackupStatus,
  BackupTarget,
  evaluateBackupTarget,
  evaluateRestoreTest,
  getBackupPolicyProtectsRefs,
  isBackupPolicyEntity,
  parseBackupDuration,
  RELATION_PROTECTED_BY,
  RESTORE_TEST_TARGET,
  worstBackupState,
} from '@unyo/plugin-ops-common';
import { BackupService } from './BackupService';
import {
  BackupReportInput,
  BackupStore,
  readingKey,
  StoredBackupReading,
  StoredBackupReport,
} from './BackupStore';
import { listBackupPolicies } from './listBackupPolicies';
import { resolveSource } from './resolveSource';
import {
  BackupSourceConnection,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';

/** Reports read per policy for the status (pushed targets read their own). */
const REPORTS_PER_POLICY = 2000;

/** Component types that hold data and so belong in a system's coverage. */
const DATA_COMPONENT_TYPES = ['database'];

function protectsOf(policy: BackupPolicyEntity): string[] {
  try {
    return getBackupPolicyProtectsRefs(policy);
  } catch {
    return policy.spec.protects;
  }
}

function factsOf(policy: BackupPolicyEntity): BackupPolicyFacts {
  return {
    rpo: policy.spec.rpo,
    rto: policy.spec.rto,
    restoreTest: policy.spec.restoreTest,
    protects: protectsOf(policy),
  };
}

const toRun = (r: StoredBackupReport): BackupRun => ({
  status: r.status,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});

/**
 * Reads the stored readings and pushed reports and computes each target's
 * status now, with the pure maths of ops-common.
 */
export class DefaultBackupService implements BackupService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: BackupStore;
      readers: ReadonlyMap<string, BackupSourceReader>;
      connections: BackupSourceConnection[];
      /** Said of a target whose source the task has not read yet. */
      notReadYetMessage: string;
      now?: () => Date;
    },
  ) {}

  async listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<BackupsResponse> {
    const { catalog } = this.options;
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const policies = isBackupPolicyEntity(entity)
      ? [entity]
      : await this.policiesProtecting([entity], credentials);
    return {
      items: await this.statusesOf(policies),
      notConfigured:
        this.options.connections.length === 0 ? ['ops.backups.sources'] : [],
    };
  }

  async coverage(
    systemRef: string,
    credentials: BackstageCredentials,
  ): Promise<BackupCoverage> {
    const { catalog } = this.options;
    const system = await catalog.getEntityByRef(systemRef, { credentials });
    if (!system) {
      throw new NotFoundError(`No entity ${systemRef} in the catalog`);
    }
    if (system.kind.toLocaleLowerCase('en-US') !== 'system') {
      throw new InputError(
        `Query parameter entityRef must be a system, not a ${system.kind}`,
      );
    }
    const partRefs = (system.relations ?? [])
      .filter(r => r.type === 'hasPart')
      .map(r => r.targetRef);
    const { items: parts } = partRefs.length
      ? await catalog.getEntitiesByRefs(
          { entityRefs: partRefs },
          { credentials },
        )
      : { items: [] };
    const data = parts.filter(
      (e): e is Entity =>
        !!e &&
        (e.kind.toLocaleLowerCase('en-US') === 'resource' ||
          (e.kind.toLocaleLowerCase('en-US') === 'component' &&
            DATA_COMPONENT_TYPES.includes(String(e.spec?.type)))),
    );
    const policies = await this.policiesProtecting(data, credentials);
    const statuses = await this.statusesOf(policies);
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

  async rpoCoverage(
    entityRefs: string[] | undefined,
    credentials: BackstageCredentials,
  ): Promise<{ covered: number; total: number }> {
    const policies = entityRefs
      ? await this.policiesProtecting(
          await this.withDependencies(entityRefs, credentials),
          credentials,
        )
      : await listBackupPolicies(this.options.catalog, credentials);
    const targets = (await this.statusesOf(policies)).filter(
      s => s.target !== RESTORE_TEST_TARGET,
    );
    return {
      covered: targets.filter(s => s.status === 'ok' || s.status === 'late')
        .length,
      total: targets.length,
    };
  }

  /** The entities and what they depend on: services' databases are their dependencies. */
  private async withDependencies(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const { catalog } = this.options;
    const fetch = async (refs: string[]) =>
      refs.length
        ? (
            await catalog.getEntitiesByRefs(
              { entityRefs: refs },
              { credentials },
            )
          ).items.filter((e): e is Entity => !!e)
        : [];
    const entities = await fetch([...new Set(entityRefs)]);
    const dependencies = await fetch([
      ...new Set(
        entities.flatMap(e =>
          (e.relations ?? [])
            .filter(r => r.type === RELATION_DEPENDS_ON)
            .map(r => r.targetRef),
        ),
      ),
    ]);
    return [...entities, ...dependencies];
  }

  async report(
    input: BackupReportInput,
  ): Promise<{ report: StoredBackupReport; status: BackupStatus }> {
    const { catalog, auth, store } = this.options;
    // Jobs authenticate as services whose tokens may not read the catalog:
    // whether the policy exists is checked with the plugin's own identity.
    const credentials = await auth.getOwnServiceCredentials();
    const policy = await catalog.getEntityByRef(input.policyRef, {
      credentials,
    });
    if (!policy || !isBackupPolicyEntity(policy)) {
      throw new NotFoundError(
        `policyRef ${input.policyRef} is not a BackupPolicy in the catalog`,
      );
    }
    const names = policy.spec.targets.map(t => t.name);
    if (input.target !== RESTORE_TEST_TARGET && !names.includes(input.target)) {
      throw new NotFoundError(
        `target "${input.target}" is not a target of ${input.policyRef} ` +
          `(targets: ${[...names, RESTORE_TEST_TARGET].join(', ')})`,
      );
    }
    const report = await store.addReport({
      ...input,
      receivedAt: this.now(),
    });
    const statuses = await this.statusesOf([policy]);
    return {
      report,
      status: statuses.find(s => s.target === input.target)!,
    };
  }

  private async policiesProtecting(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<BackupPolicyEntity[]> {
    const refs = [
      ...new Set(
        entities.flatMap(e =>
          (e.relations ?? [])
            .filter(r => r.type === RELATION_PROTECTED_BY)
            .map(r => r.targetRef),
        ),
      ),
    ];
    if (refs.length === 0) return [];
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    return items.filter(
      (e): e is BackupPolicyEntity => !!e && isBackupPolicyEntity(e),
    );
  }

  private async statusesOf(
    policies: BackupPolicyEntity[],
  ): Promise<BackupStatus[]> {
    const { store } = this.options;
    const refs = policies.map(p => stringifyEntityRef(p));
    const readings = await store.getReadings(refs);
    const now = this.now();
    const perPolicy = await Promise.all(
      policies.map(async policy => {
        const policyRef = stringifyEntityRef(policy);
        const reports = await store.listReports([policyRef], {
          limit: REPORTS_PER_POLICY,
        });
        const restoreTests = reports
          .filter(r => r.target === RESTORE_TEST_TARGET)
          .map(toRun);
        const rows = await Promise.all(
          policy.spec.targets.map(target =>
            this.targetStatus({
              policy,
              policyRef,
              target,
              stored: readings.get(readingKey(policyRef, target.name)),
              reports: reports.filter(r => r.target === target.name).map(toRun),
              restoreTests,
              now,
            }),
          ),
        );
        if (policy.spec.restoreTest || restoreTests.length) {
          rows.push(
            guarded(policyRef, RESTORE_TEST_TARGET, policy, () =>
              evaluateRestoreTest({
                policyRef,
                policy: factsOf(policy),
                restoreTests,
                now,
              }),
            ),
          );
        }
        return rows;
      }),
    );
    return perPolicy.flat();
  }

  private async targetStatus(options: {
    policy: BackupPolicyEntity;
    policyRef: string;
    target: BackupTarget;
    stored?: StoredBackupReading;
    reports: BackupRun[];
    restoreTests: BackupRun[];
    now: Date;
  }): Promise<BackupStatus> {
    const { policy, policyRef, target, stored, reports, restoreTests, now } =
      options;
    const base = {
      policyRef,
      policy: factsOf(policy),
      target,
      restoreTests,
      now,
    };
    const resolved = resolveSource(
      target,
      this.options.connections,
      this.options.readers,
    );
    if ('error' in resolved) {
      return guarded(policyRef, target.name, policy, () =>
        evaluateBackupTarget({
          ...base,
          reports,
          sourceError: resolved.error,
        }),
      );
    }
    if (target.source.type === 'push') {
      // Pushed runs are in this database already: read live, so a report
      // shows at once.
      const value = await resolved.reader.read({ policy, target, now });
      return guarded(policyRef, target.name, policy, () =>
        evaluateBackupTarget({ ...base, reading: { value, checkedAt: now } }),
      );
    }
    return guarded(policyRef, target.name, policy, () => {
      const status = evaluateBackupTarget({
        ...base,
        reports,
        reading:
          stored?.reading && stored.checkedAt
            ? { value: stored.reading, checkedAt: stored.checkedAt }
            : null,
        sourceError: stored?.error ?? undefined,
      });
      return !stored && status.status === 'unknown'
        ? { ...status, message: this.options.notReadYetMessage }
        : status;
    });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/**
 * A policy the schema let through but the maths cannot use (say, a cron
 * cron-parser refuses) becomes an `unknown` row naming the problem, and the
 * other rows still show.
 */
function guarded(
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
