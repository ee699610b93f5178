import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ERROR_BUDGET_POLICY,
  CompositeSloEntity,
  getCompositeSloScopeRef,
  isCompositeSloEntity,
  SloEntity,
  SloPolicySet,
  SloPolicyThresholds,
  getSloServiceRef,
  inheritedAnnotation,
  systemRefOf,
} from '@unyo/plugin-ops-common';

/** An SLO's policy, or why its annotation cannot be used. */
export type SloPolicyChoice = SloPolicySet | { error: string };

/** What carries an error-budget policy: an SLO or a journey. */
export type PolicySubject = SloEntity | CompositeSloEntity;

/** The entity a subject measures: an SLO's service, a journey's system or service. */
const measuredRefOf = (s: PolicySubject) =>
  isCompositeSloEntity(s) ? getCompositeSloScopeRef(s) : getSloServiceRef(s);

/** Which error-budget policy applies to each SLO. */
export interface SloPolicyLookup {
  /** Keyed by the SLO's ref. */
  forSlos(
    slos: PolicySubject[],
    credentials: BackstageCredentials,
  ): Promise<(sloRef: string) => SloPolicyChoice>;
}

/**
 * Picks `ops.slo.policies.<name>` by the annotation
 * `unyo.dev/error-budget-policy` on the SLO, else on its measured entity,
 * else on that entity's System; `ops.slo.policy` when none names one.
 */
export class CatalogSloPolicyLookup implements SloPolicyLookup {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      /** `ops.slo.policy`. */
      defaultPolicy: SloPolicyThresholds;
      /** `ops.slo.policies`. */
      policies: Record<string, SloPolicyThresholds>;
    },
  ) {}

  async forSlos(
    slos: PolicySubject[],
    credentials: BackstageCredentials,
  ): Promise<(sloRef: string) => SloPolicyChoice> {
    const { catalog, defaultPolicy, policies } = this.options;
    const byRef = new Map<string, Entity>();
    const fetch = async (refs: string[]) => {
      const wanted = [...new Set(refs)].filter(r => !byRef.has(r));
      if (!wanted.length) return;
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: wanted },
        { credentials },
      );
      for (const e of items) if (e) byRef.set(stringifyEntityRef(e), e);
    };
    // Only SLOs without their own annotation need the catalog.
    const inheriting = slos.filter(
      s => !inheritedAnnotation(ANNOTATION_ERROR_BUDGET_POLICY, [s]),
    );
    await fetch(inheriting.map(measuredRefOf));
    await fetch(
      inheriting.flatMap(s => {
        const measured = byRef.get(measuredRefOf(s));
        const system = measured && systemRefOf(measured);
        return system ? [system] : [];
      }),
    );
    const choices = new Map<string, SloPolicyChoice>();
    for (const slo of slos) {
      const measured = byRef.get(measuredRefOf(slo));
      const system = measured && systemRefOf(measured);
      const name = inheritedAnnotation(ANNOTATION_ERROR_BUDGET_POLICY, [
        slo,
        measured,
        system ? byRef.get(system) : undefined,
      ]);
      let choice: SloPolicyChoice;
      if (!name) choice = { name: 'default', ...defaultPolicy };
      else if (Object.prototype.hasOwnProperty.call(policies, name))
        choice = { name, ...policies[name] };
      else if (name === 'default') choice = { name, ...defaultPolicy };
      else
        choice = {
          error: `${ANNOTATION_ERROR_BUDGET_POLICY} names "${name}", which ops.slo.policies does not define`,
        };
      choices.set(stringifyEntityRef(slo), choice);
    }
    return ref => choices.get(ref) ?? { name: 'default', ...defaultPolicy };
  }
}

/** Every SLO gets the same policy: tests and callers without a catalog. */
export function fixedSloPolicy(
  thresholds: SloPolicyThresholds,
): SloPolicyLookup {
  return {
    async forSlos() {
      return () => ({ name: 'default', ...thresholds });
    },
  };
}
