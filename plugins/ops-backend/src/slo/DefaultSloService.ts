import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_SLO_POLICY_THRESHOLDS,
  getSloServiceRef,
  isCompositeSloEntity,
  isSloEntity,
  resolveWindow,
  RELATION_HAS_JOURNEY,
  RELATION_MEASURED_BY,
  SloPolicyThresholds,
  SloStatus,
  SloStatusWithHistory,
  sloVersionOnDay,
} from '@unyo/plugin-ops-common';
import { SloStore } from '../database/SloStore';
import { fixedSloPolicy, SloPolicyLookup } from './policies';
import { describeSlo, SloDescription, sloTimeWindow } from './describeSlo';
import { describeComposite } from './composite/describeComposite';
import { dailyHistory, mergeHistory } from './rollups/dailyHistory';
import { utcDay } from './evaluation/windowSegments';
import { presentStatus } from './presentStatus';
import { SloReportFilter, SloService } from './SloService';
import { SloReportItem } from './report/csv';
import { MonthlyRollups } from './rollups/MonthlyRollups';
import { monthlyStatus, monthWindow } from './report/monthlyStatus';
import { judgeMonthByVersion } from './versions/judgeByVersion';
import { SloVersions } from './versions/SloVersionStore';
import { queryAllEntities } from '../lib/queryAllEntities';

export class DefaultSloService implements SloService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      store: SloStore;
      /** Monthly sums of the daily rollups, for `report` of a month. */
      rollups: MonthlyRollups;
      /** Why an SLO has no evaluation yet, e.g. which config key is missing. */
      notEvaluatedMessage: () => string;
      /** The error-budget policy (`ops.slo.policy`) for monthly reports. */
      thresholds?: SloPolicyThresholds;
      /** Each SLO's policy for monthly reports (`ops.slo.policies`). */
      policies?: SloPolicyLookup;
      /** SLO versions: past days are judged against the version in force then. */
      versions?: SloVersions;
      now?: () => Date;
    },
  ) {}

  async listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatus[]> {
    const items = await this.related(
      entityRef,
      RELATION_MEASURED_BY,
      credentials,
    );
    const slos = items.filter(isSloEntity);
    return this.present(slos.map(describeSlo));
  }

  async listJourneys(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatus[]> {
    const items = await this.related(
      entityRef,
      RELATION_HAS_JOURNEY,
      credentials,
    );
    return this.present(
      items.filter(isCompositeSloEntity).map(describeComposite),
    );
  }

  /** The entities `entityRef` has relations of `type` to, as the caller may read them. */
  private async related(
    entityRef: string,
    type: string,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const { catalog } = this.options;
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const refs = (entity.relations ?? [])
      .filter(r => r.type === type)
      .map(r => r.targetRef);
    if (refs.length === 0) {
      return [];
    }
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    return items.filter((e): e is Entity => !!e);
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
    const [status] = await this.present([describeSlo(entity)]);
    const to = this.now();
    const timeWindow = sloTimeWindow(entity);
    const from = resolveWindow(timeWindow, to).start;
    const earliest = resolveWindow(timeWindow, from).start;
    const [live, rows, versions] = await Promise.all([
      this.options.store.getHistory(status.ref, from, to),
      this.options.store.getDaily([status.ref], utcDay(earliest), utcDay(to)),
      this.options.versions?.list([status.ref]),
    ]);
    const ofSlo = versions?.get(status.ref);
    const daily = dailyHistory({
      description: describeSlo(entity),
      timeWindow,
      rows,
      from,
      to,
      targetOnDay: ofSlo && (day => sloVersionOnDay(ofSlo, day)!.target),
    });
    return { ...status, history: mergeHistory(daily, live) };
  }

  async report(
    filter: SloReportFilter,
    credentials: BackstageCredentials,
  ): Promise<SloReportItem[]> {
    const { catalog, rollups } = this.options;
    const slos = (await queryAllEntities(catalog, 'SLO', credentials)).filter(
      isSloEntity,
    );

    // Owner and system are the measured entity's (docs/catalog-model.md).
    const measuredRefs = [...new Set(slos.map(getSloServiceRef))];
    const { items: measured } = measuredRefs.length
      ? await catalog.getEntitiesByRefs(
          { entityRefs: measuredRefs },
          { credentials },
        )
      : { items: [] };
    const placeOf = new Map(
      measured.flatMap(e =>
        e
          ? [
              [
                stringifyEntityRef(e),
                {
                  owner: e.relations?.find(r => r.type === 'ownedBy')
                    ?.targetRef,
                  system: e.relations?.find(
                    r =>
                      r.type === 'partOf' && r.targetRef.startsWith('system:'),
                  )?.targetRef,
                },
              ],
            ]
          : [],
      ),
    );
    const selected = slos.filter(slo => {
      const place = placeOf.get(getSloServiceRef(slo));
      return (
        (!filter.owner || place?.owner === filter.owner) &&
        (!filter.system || place?.system === filter.system)
      );
    });

    let statuses: SloStatus[];
    if (filter.month) {
      // One grouped query for every SLO's month, not the days of each.
      const month = filter.month;
      const totals = await rollups.totals(month, month);
      const now = this.now();
      const descriptions = selected.map(describeSlo);
      const judged = this.options.versions
        ? await judgeMonthByVersion({
            versions: this.options.versions,
            daily: this.options.store,
            targets: new Map(descriptions.map(d => [d.ref, d.target])),
            totals,
            month,
            now,
          })
        : undefined;
      const policyOf = await (
        this.options.policies ??
        fixedSloPolicy(this.options.thresholds ?? DEFAULT_SLO_POLICY_THRESHOLDS)
      ).forSlos(selected, credentials);
      const monthly = monthWindow(month, now);
      statuses = descriptions.map(description => {
        const policySet = policyOf(description.ref);
        if ('error' in policySet) {
          return {
            ...description,
            state: 'error' as const,
            message: policySet.error,
            evaluatedAt: now.toISOString(),
          };
        }
        // Judged day by day against the version in force; shown with the
        // target of the month's last version.
        const versioned = judged?.get(description.ref);
        const spans = versioned?.spans ?? [];
        return {
          ...monthlyStatus({
            description: versioned
              ? { ...description, target: versioned.target }
              : description,
            totals: totals.get(description.ref)?.get(month),
            month,
            now,
            window: monthly,
            thresholds: policySet,
          }),
          ...(spans.length && { target: spans[spans.length - 1].target }),
          ...(spans.length > 1 && { versions: spans }),
          policySet,
        };
      });
    } else {
      statuses = await this.present(selected.map(describeSlo));
    }
    return statuses
      .map(status => ({ ...status, ...placeOf.get(status.entityRef) }))
      .sort((a, b) => a.ref.localeCompare(b.ref));
  }

  private async present(descriptions: SloDescription[]): Promise<SloStatus[]> {
    const stored = await this.options.store.getStatuses(
      descriptions.map(d => d.ref),
    );
    const now = this.now();
    return descriptions.map(description =>
      presentStatus({
        description,
        stored: stored.get(description.ref),
        notEvaluatedMessage: this.options.notEvaluatedMessage(),
        now,
      }),
    );
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
