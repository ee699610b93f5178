import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isSloEntity,
  resolveWindow,
  RELATION_MEASURED_BY,
  SloEntity,
  SloStatus,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';
import { SloStore } from '../database/SloStore';
import { describeSlo, sloTimeWindow } from './describeSlo';
import { dailyHistory, mergeHistory } from './dailyHistory';
import { utcDay } from './evaluation/windowSegments';
import { presentStatus } from './presentStatus';
import { SloService } from './SloService';

export class DefaultSloService implements SloService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      store: SloStore;
      /** Why an SLO has no evaluation yet, e.g. which config key is missing. */
      notEvaluatedMessage: () => string;
      now?: () => Date;
    },
  ) {}

  async listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatus[]> {
    const { catalog } = this.options;
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const sloRefs = (entity.relations ?? [])
      .filter(r => r.type === RELATION_MEASURED_BY)
      .map(r => r.targetRef);
    if (sloRefs.length === 0) {
      return [];
    }
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: sloRefs },
      { credentials },
    );
    const slos = items.filter(
      (e): e is SloEntity => !!e && isSloEntity(e as Entity),
    );
    return this.present(slos);
  }

  async get(
    sloRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatusWithHistory> {
    const entity = await this.options.catalog.getEntityByRef(sloRef, {
      credentials,
    });
    if (!entity || !isSloEntity(entity)) {
      throw new NotFoundError(`No SLO ${sloRef} in the catalog`);
    }
    const [status] = await this.present([entity]);
    const to = this.now();
    const timeWindow = sloTimeWindow(entity);
    const from = resolveWindow(timeWindow, to).start;
    const earliest = resolveWindow(timeWindow, from).start;
    const [live, rows] = await Promise.all([
      this.options.store.getHistory(status.ref, from, to),
      this.options.store.getDaily([status.ref], utcDay(earliest), utcDay(to)),
    ]);
    const daily = dailyHistory({
      description: describeSlo(entity),
      timeWindow,
      rows,
      from,
      to,
    });
    return { ...status, history: mergeHistory(daily, live) };
  }

  private async present(slos: SloEntity[]): Promise<SloStatus[]> {
    const refs = slos.map(e => stringifyEntityRef(e));
    const stored = await this.options.store.getStatuses(refs);
    const now = this.now();
    return slos.map((slo, i) =>
      presentStatus({
        description: describeSlo(slo),
        stored: stored.get(refs[i]),
        notEvaluatedMessage: this.options.notEvaluatedMessage(),
        now,
      }),
    );
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
