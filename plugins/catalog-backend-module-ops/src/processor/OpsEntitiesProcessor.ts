import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { AuthService } from '@backstage/backend-plugin-api';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  CatalogService,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  getAlertingRefs,
  getBackupPolicyProtectsRefs,
  getCompositeSloComponentRefs,
  getCompositeSloScopeRef,
  getOpsOwnerRef,
  getRunbookAppliesToRefs,
  getSloServiceRef,
  isAlertPolicyEntity,
  isBackupPolicyEntity,
  isCompositeSloEntity,
  isOpenSloDocument,
  isOpsEntity,
  isRunbookEntity,
  isSloEntity,
  RELATION_HAS_JOURNEY,
  RELATION_HAS_RUNBOOK,
  RELATION_JOURNEY_OF,
  RELATION_MEASURED_BY,
  RELATION_MEASURES,
  RELATION_PROTECTED_BY,
  RELATION_PROTECTS,
  RELATION_RUNBOOK_FOR,
  resolveOpsEntityRef,
  SloEntity,
  validateOpsEntity,
} from '@unyo/plugin-ops-common';
import { MeasuredEntityOwners } from './MeasuredEntityOwners';

/**
 * Options of {@link OpsEntitiesProcessor}.
 *
 * @public
 */
export interface OpsEntitiesProcessorOptions {
  /**
   * The catalog and the credentials to read it with: an SLO is owned by the
   * owner of the entity it measures, which only the catalog knows. Without
   * them SLOs get no owner.
   */
  catalog?: CatalogService;
  /** Gives the backend's own service credentials for the catalog reads. */
  auth?: AuthService;
}

/** Processor cache key: the owners last read for the measured entity. */
const SLO_OWNERS_KEY = 'sloOwners';

/**
 * Validates the OpenSLO v1 kinds (SLO, SLI, AlertPolicy, AlertCondition,
 * AlertNotificationTarget, DataSource, Service), Runbook, BackupPolicy and
 * CompositeSLO against the schemas of `@unyo/plugin-ops-common` and emits their relations
 * in both directions. Other `openslo/` apiVersions are refused naming the
 * field.
 *
 * @public
 */
export class OpsEntitiesProcessor implements CatalogProcessor {
  readonly #owners?: MeasuredEntityOwners;

  constructor(options: OpsEntitiesProcessorOptions = {}) {
    const { catalog, auth } = options;
    if (catalog && auth) {
      this.#owners = new MeasuredEntityOwners({ catalog, auth });
    }
  }

  /** {@inheritDoc @backstage/plugin-catalog-node#CatalogProcessor.getProcessorName} */
  getProcessorName(): string {
    return 'OpsEntitiesProcessor';
  }

  /** Validates the Unyo kinds against their schemas; other kinds are left to others. */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isOpsEntity(entity) && !isOpenSloDocument(entity)) {
      return false;
    }
    const result = validateOpsEntity(entity);
    if (!result.valid) {
      // Becomes the entity's processing error, so it names every field.
      const problems = result.errors.map(e => e.message).join('; ');
      throw new InputError(
        `${entity.kind} ${entity.metadata.name}: ${problems}`,
      );
    }
    return true;
  }

  /** Emits each Unyo relation in both directions. */
  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache?: CatalogProcessorCache,
  ): Promise<Entity> {
    const self = getCompoundEntityRef(entity);
    // A policy may name the same target more than once; relate it once.
    const related = new Set<string>();
    const relateBothWays = (ref: string, type: string, reverseType: string) => {
      if (related.has(`${type} ${ref}`)) {
        return;
      }
      related.add(`${type} ${ref}`);
      const other = parseEntityRef(ref);
      emit(processingResult.relation({ source: self, type, target: other }));
      emit(
        processingResult.relation({
          source: other,
          type: reverseType,
          target: self,
        }),
      );
    };

    const relateAlerting = (source: Parameters<typeof getAlertingRefs>[0]) => {
      for (const { ref, defaultKind, type, reverseType } of getAlertingRefs(
        source,
      )) {
        relateBothWays(
          resolveOpsEntityRef(entity, ref, defaultKind),
          type,
          reverseType,
        );
      }
    };

    if (isSloEntity(entity)) {
      relateBothWays(
        getSloServiceRef(entity),
        RELATION_MEASURES,
        RELATION_MEASURED_BY,
      );
      relateAlerting(entity);
      for (const owner of await this.#sloOwners(entity, cache)) {
        relateBothWays(owner, RELATION_OWNED_BY, RELATION_OWNER_OF);
      }
    } else if (isAlertPolicyEntity(entity)) {
      relateAlerting(entity);
    } else if (isRunbookEntity(entity)) {
      relateBothWays(
        getOpsOwnerRef(entity),
        RELATION_OWNED_BY,
        RELATION_OWNER_OF,
      );
      for (const ref of getRunbookAppliesToRefs(entity)) {
        relateBothWays(ref, RELATION_RUNBOOK_FOR, RELATION_HAS_RUNBOOK);
      }
    } else if (isBackupPolicyEntity(entity)) {
      relateBothWays(
        getOpsOwnerRef(entity),
        RELATION_OWNED_BY,
        RELATION_OWNER_OF,
      );
      for (const ref of getBackupPolicyProtectsRefs(entity)) {
        relateBothWays(ref, RELATION_PROTECTS, RELATION_PROTECTED_BY);
      }
    } else if (isCompositeSloEntity(entity)) {
      relateBothWays(
        getOpsOwnerRef(entity),
        RELATION_OWNED_BY,
        RELATION_OWNER_OF,
      );
      relateBothWays(
        getCompositeSloScopeRef(entity),
        RELATION_JOURNEY_OF,
        RELATION_HAS_JOURNEY,
      );
      // A journey depends on its steps' SLOs, as a component on what it calls.
      for (const ref of getCompositeSloComponentRefs(entity)) {
        relateBothWays(ref, RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF);
      }
    }
    return entity;
  }

  /**
   * An SLO's owners are those of the entity it measures (docs/catalog-model.md).
   * A measured entity not yet in the catalog gives none: the SLO's next
   * processing fills them in. When the catalog cannot be asked, the owners
   * last read are kept rather than dropped.
   */
  async #sloOwners(
    slo: SloEntity,
    cache?: CatalogProcessorCache,
  ): Promise<string[]> {
    if (!this.#owners) {
      return [];
    }
    const measured = getSloServiceRef(slo);
    try {
      const owners = (await this.#owners.ownersOf(measured)) ?? [];
      await cache?.set(SLO_OWNERS_KEY, { measured, owners });
      return owners;
    } catch {
      const last = await cache?.get<{ measured: string; owners: string[] }>(
        SLO_OWNERS_KEY,
      );
      return last?.measured === measured ? last.owners : [];
    }
  }
}
