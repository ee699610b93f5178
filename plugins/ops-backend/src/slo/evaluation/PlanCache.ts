import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { SliEntity, SloEntity } from '@unyo/plugin-ops-common';
import { PlanOptions, planSlo, SloPlan } from './planSlo';

/** `namespace/name@etag` of each entity, or undefined when one has no etag. */
function etagsOf(entities: Iterable<Entity>): string | undefined {
  const parts: string[] = [];
  for (const e of entities) {
    if (!e.metadata.etag) return undefined;
    parts.push(
      `${e.metadata.namespace ?? 'default'}/${e.metadata.name}@${
        e.metadata.etag
      }`,
    );
  }
  return parts.sort().join('\n');
}

/**
 * Plans kept from round to round (`planSlo` parses every query of an SLO:
 * about a tenth of a steady round's time). The catalog gives each entity an
 * etag that changes with it: an SLO is planned again when its etag changes,
 * and every SLO when any SLI or DataSource changes or the resolution does.
 * Entities without an etag (not from the catalog) are planned every time.
 */
export class PlanCache {
  private context: string | undefined;
  private plans = new Map<string, { etag: string; plan: SloPlan }>();

  plan(
    slos: SloEntity[],
    slis: Map<string, SliEntity>,
    options: PlanOptions,
  ): SloPlan[] {
    const sources = etagsOf([
      ...slis.values(),
      ...(options.dataSources?.values() ?? []),
    ]);
    const context =
      sources === undefined
        ? undefined
        : `${options.resolutionSeconds ?? ''}\n${sources}`;
    if (context !== this.context) this.plans.clear();
    this.context = context;
    return slos.map(slo => {
      const etag = slo.metadata.etag;
      if (context === undefined || !etag) return planSlo(slo, slis, options);
      const ref = stringifyEntityRef(slo);
      const cached = this.plans.get(ref);
      if (cached?.etag === etag) return cached.plan;
      const plan = planSlo(slo, slis, options);
      this.plans.set(ref, { etag, plan });
      return plan;
    });
  }

  /**
   * Forgets the SLOs no longer in the catalog. Rounds shared by replicas
   * plan one shard at a time, so the others' plans are kept meanwhile.
   */
  keepOnly(slos: Entity[]): void {
    const present = new Set(slos.map(s => stringifyEntityRef(s)));
    for (const ref of this.plans.keys()) {
      if (!present.has(ref)) this.plans.delete(ref);
    }
  }
}
