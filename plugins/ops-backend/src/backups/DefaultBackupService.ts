import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BackupCoverage,
  BackupPolicyEntity,
  BackupsResponse,
  BackupStatus,
  isBackupPolicyEntity,
  RESTORE_TEST_TARGET,
} from '@unyo/plugin-ops-common';
import { BackupService } from './BackupService';
import { BackupReportInput, StoredBackupReport } from './BackupStore';
import { listBackupPolicies } from './listBackupPolicies';
import { policiesProtecting } from './policiesProtecting';
import { policyStatuses, PolicyStatusSources } from './policyStatuses';
import { isDataPart, systemCoverage } from './systemCoverage';
import { withDependencies } from './withDependencies';

/**
 * Reads the stored readings and pushed reports and computes each target's
 * status now, with the pure maths of ops-common.
 */
export class DefaultBackupService implements BackupService {
  constructor(
    private readonly options: PolicyStatusSources & {
      catalog: CatalogService;
      auth: AuthService;
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
      : await policiesProtecting(catalog, [entity], credentials);
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
    const data = parts.filter(isDataPart);
    const policies = await policiesProtecting(catalog, data, credentials);
    const statuses = await this.statusesOf(policies);
    return systemCoverage(system, data, policies, statuses);
  }

  async rpoCoverage(
    entityRefs: string[] | undefined,
    credentials: BackstageCredentials,
  ): Promise<{ covered: number; total: number }> {
    const { catalog } = this.options;
    const policies = entityRefs
      ? await policiesProtecting(
          catalog,
          await withDependencies(catalog, entityRefs, credentials),
          credentials,
        )
      : await listBackupPolicies(catalog, credentials);
    const targets = (await this.statusesOf(policies)).filter(
      s => s.target !== RESTORE_TEST_TARGET,
    );
    return {
      covered: targets.filter(s => s.status === 'ok' || s.status === 'late')
        .length,
      total: targets.length,
    };
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

  private statusesOf(policies: BackupPolicyEntity[]): Promise<BackupStatus[]> {
    return policyStatuses(this.options, policies, () => this.now());
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
