import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_MAINTENANCE_WINDOW,
  BURN_RATE_WINDOWS,
  BurnRateWindow,
  evaluateSloStatus,
  isSliEntity,
  isSloEntity,
  maintenanceIntervals,
  resolveWindow,
  ResolvedSloWindow,
  SliEntity,
  SloCounts,
  SloEntity,
  SloPolicyThresholds,
  SloStatus,
} from '@unyo/plugin-ops-common';
import { SloStore } from '../../database/SloStore';
import { PrometheusClients } from '../../prometheus/PrometheusClients';
import { PrometheusClient } from '../../prometheus/types';
import { createLimiter } from '../../lib/limit';
import {
  Counts,
  CountsOrError,
  MeasuredPlan,
  measureCounts,
} from './measureCounts';
import { bucketOf, matchBucket } from './histogramBuckets';
import { planSlo, RatioPlan, SloPlan } from './planSlo';
import {
  dayEnd,
  splitWindow,
  TimeRange,
  utcDay,
  WindowSegments,
} from './windowSegments';

const DAY_MS = 24 * 60 * 60 * 1000;

const BURN_WINDOW_SECONDS: Record<BurnRateWindow, number> = {
  '5m': 300,
  '30m': 1800,
  '1h': 3600,
  '2h': 7200,
  '6h': 21600,
  '1d': 86400,
  '3d': 259200,
};
/** Burn-down points kept: one per SLO every 10 minutes. */
export const HISTORY_SLOT_SECONDS = 600;

export interface EvaluationRoundResult {
  slos: number;
  queries: number;
  errors: number;
  durationMs: number;
}

export interface SloEvaluatorOptions {
  catalog: CatalogService;
  auth: AuthService;
  store: SloStore;
  prometheus: PrometheusClients;
  logger: LoggerService;
  thresholds: SloPolicyThresholds;
  /** Queries in flight per Prometheus server. */
  concurrency?: number;
  /** Most missing days backfilled per SLO in one round (first appearance). */
  maxBackfillDays?: number;
  now?: () => Date;
}

function add(a: Counts, b: Counts): Counts {
  return { good: a.good + b.good, total: a.total + b.total };
}

/**
 * Allowed downtime means something for time slices and for availability
 * ratios, not for latency SLOs (histogram buckets, `le`).
 */
function reportsDowntime(plan: MeasuredPlan): boolean {
  return (
    plan.kind === 'threshold' || !/\ble\s*=/.test(plan.good ?? plan.bad ?? '')
  );
}

function messageOf(error: Error): string {
  return error.message;
}

/** Evaluates every SLO of the catalog: one round of the scheduled task. */
export class SloEvaluator {
  private readonly bucketCache = new Map<
    string,
    { boundaries: string[]; until: number }
  >();

  constructor(private readonly options: SloEvaluatorOptions) {}

  async evaluateAll(): Promise<EvaluationRoundResult> {
    const started = Date.now();
    const now = this.options.now?.() ?? new Date();
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { slos, slis } = await this.loadSlos(credentials);
    const plans = slos.map(slo => planSlo(slo, slis));
    const maintenance = await this.loadMaintenanceRules(plans, credentials);

    const counted = { queries: 0 };
    let errors = 0;
    const save = async (status: SloStatus) => {
      if (status.state === 'error') errors++;
      await this.options.store.saveStatus(status);
      if (status.state !== 'error') {
        await this.options.store.addHistoryPoint(
          status.ref,
          {
            t: status.evaluatedAt,
            remainingRatio: status.errorBudget?.remainingRatio ?? null,
            sliRatio: status.sli?.ratio ?? null,
          },
          HISTORY_SLOT_SECONDS,
        );
      }
    };
    const failed = (plan: SloPlan, message: string): SloStatus => ({
      ...plan.description,
      state: 'error',
      message,
      evaluatedAt: now.toISOString(),
    });

    const byServer = new Map<string, MeasuredPlan[]>();
    for (const plan of plans) {
      if (plan.kind === 'unsupported') {
        await save(failed(plan, plan.message));
        continue;
      }
      try {
        const client = this.options.prometheus.get(plan.server);
        byServer.set(client.name, [...(byServer.get(client.name) ?? []), plan]);
      } catch (e) {
        await save(failed(plan, messageOf(e as Error)));
      }
    }

    for (const [server, serverPlans] of byServer) {
      const client = this.options.prometheus.get(server);
      const limit = createLimiter(this.options.concurrency ?? 4);
      const measure = (ps: MeasuredPlan[], windowSeconds: number, time: Date) =>
        measureCounts({
          client,
          plans: ps,
          windowSeconds,
          time,
          limit,
          onQuery: () => counted.queries++,
        });
      const checked: MeasuredPlan[] = [];
      for (const plan of await this.checkBuckets(
        client,
        serverPlans,
        now,
        () => {
          counted.queries++;
        },
      )) {
        if ('error' in plan) {
          await save(failed(plan.plan, plan.error));
        } else {
          checked.push(plan);
        }
      }
      const statuses = await this.evaluateOnServer(
        checked,
        maintenance,
        measure,
        now,
      );
      for (const status of statuses) {
        await save(status);
      }
    }

    const result = {
      slos: plans.length,
      queries: counted.queries,
      errors,
      durationMs: Date.now() - started,
    };
    this.options.logger.info(
      `Evaluated ${result.slos} SLOs with ${result.queries} Prometheus queries in ${result.durationMs} ms (${errors} in error)`,
    );
    return result;
  }

  private async evaluateOnServer(
    plans: MeasuredPlan[],
    maintenance: Map<string, string[]>,
    measure: (
      ps: MeasuredPlan[],
      windowSeconds: number,
      time: Date,
    ) => Promise<Map<string, CountsOrError>>,
    now: Date,
  ): Promise<SloStatus[]> {
    const errors = new Map<string, string>();
    const fail = (ref: string, e: Error) => {
      if (!errors.has(ref)) errors.set(ref, messageOf(e));
    };
    const take = (result: Map<string, CountsOrError>, ref: string) => {
      const value = result.get(ref);
      if (!value) return { good: 0, total: 0 };
      if ('error' in value) {
        fail(ref, value.error);
        return { good: 0, total: 0 };
      }
      return value;
    };

    // Burn rates first: if the server is down, nothing else is worth asking.
    const burn = new Map<string, Partial<Record<BurnRateWindow, SloCounts>>>();
    for (const w of BURN_RATE_WINDOWS) {
      const result = await measure(plans, BURN_WINDOW_SECONDS[w], now);
      for (const plan of plans) {
        const counts = take(result, plan.description.ref);
        const entry = burn.get(plan.description.ref) ?? {};
        entry[w] = counts;
        burn.set(plan.description.ref, entry);
      }
      if (plans.every(p => errors.has(p.description.ref))) {
        return plans.map(p =>
          this.failedStatus(p, errors.get(p.description.ref)!, now),
        );
      }
    }

    // The window: stored full days, plus live head and tail.
    const windows = new Map(
      plans.map(plan => {
        const window = resolveWindow(plan.timeWindow, now);
        const end = window.end < now ? window.end : now;
        return [
          plan.description.ref,
          { window, segments: splitWindow(window.start, end) },
        ];
      }),
    );
    const days = await this.dailyCounts(plans, windows, measure, fail);

    const totals = new Map<string, Counts>(
      plans.map(p => [p.description.ref, { good: 0, total: 0 }]),
    );
    const live = async (pick: (ref: string) => TimeRange | undefined) => {
      const groups = new Map<
        string,
        { range: TimeRange; plans: MeasuredPlan[] }
      >();
      for (const plan of plans) {
        const range = pick(plan.description.ref);
        if (!range) continue;
        const key = `${range.start.getTime()}-${range.end.getTime()}`;
        const group = groups.get(key) ?? { range, plans: [] };
        group.plans.push(plan);
        groups.set(key, group);
      }
      for (const { range, plans: group } of groups.values()) {
        const seconds = (range.end.getTime() - range.start.getTime()) / 1000;
        const result = await measure(group, seconds, range.end);
        for (const plan of group) {
          const ref = plan.description.ref;
          totals.set(ref, add(totals.get(ref)!, take(result, ref)));
        }
      }
    };
    // The head, the part of the oldest day inside the window, is queried live;
    // where Prometheus no longer holds it, that day's stored row counts pro rata.
    const beforeHead = new Map(totals);
    await live(ref => windows.get(ref)!.segments.head);
    for (const plan of plans) {
      const ref = plan.description.ref;
      const stored = days.get(`${ref}|head`);
      const liveHead = totals.get(ref)!.total - beforeHead.get(ref)!.total;
      if (stored && stored.total > 0 && liveHead === 0) {
        totals.set(ref, add(totals.get(ref)!, stored));
      }
    }
    await live(ref => windows.get(ref)!.segments.tail);
    for (const plan of plans) {
      const ref = plan.description.ref;
      totals.set(
        ref,
        add(totals.get(ref)!, days.get(ref) ?? { good: 0, total: 0 }),
      );
    }

    // Planned maintenance, removed from good and total (SLO-MATH §6).
    const excludedMinutes = new Map<string, number>();
    const inMaintenance = new Set<string>();
    for (const plan of plans) {
      const ref = plan.description.ref;
      if (!plan.excludeMaintenance) continue;
      const { window } = windows.get(ref)!;
      const end = window.end < now ? window.end : now;
      let minutes = 0;
      for (const rule of maintenance.get(plan.description.entityRef) ?? []) {
        try {
          for (const interval of maintenanceIntervals(
            rule,
            window.start,
            end,
          )) {
            const start =
              interval.start < window.start ? window.start : interval.start;
            const stop = interval.end > end ? end : interval.end;
            if (interval.start <= now && now < interval.end)
              inMaintenance.add(ref);
            const seconds = (stop.getTime() - start.getTime()) / 1000;
            if (seconds <= 0) continue;
            minutes += seconds / 60;
            const result = await measure([plan], seconds, stop);
            const counts = take(result, ref);
            const t = totals.get(ref)!;
            totals.set(ref, {
              good: Math.max(0, t.good - counts.good),
              total: Math.max(0, t.total - counts.total),
            });
          }
        } catch (e) {
          fail(ref, e as Error);
        }
      }
      excludedMinutes.set(ref, minutes);
    }

    return plans.map(plan => {
      const ref = plan.description.ref;
      const error = errors.get(ref);
      if (error) return this.failedStatus(plan, error, now);
      const evaluation = evaluateSloStatus({
        target: plan.description.target,
        timeWindow: plan.timeWindow,
        budgetingMethod: plan.description.budgetingMethod,
        counts: totals.get(ref),
        burnRateCounts: burn.get(ref),
        now,
        thresholds: this.options.thresholds,
        excludedMaintenanceMinutes: excludedMinutes.get(ref),
        inMaintenance: inMaintenance.has(ref),
        reportAllowedDowntime: reportsDowntime(plan),
      });
      const { idealRemainingRatio: _ideal, ...status } = evaluation;
      return {
        ...status,
        ref,
        entityRef: plan.description.entityRef,
        title: plan.description.title,
      };
    });
  }

  /** Sums stored days, backfilling the missing ones from Prometheus first. */
  private async dailyCounts(
    plans: MeasuredPlan[],
    windows: Map<
      string,
      { window: ResolvedSloWindow; segments: WindowSegments }
    >,
    measure: (
      ps: MeasuredPlan[],
      windowSeconds: number,
      time: Date,
    ) => Promise<Map<string, CountsOrError>>,
    fail: (ref: string, e: Error) => void,
  ): Promise<Map<string, Counts>> {
    const { store } = this.options;
    const refs = plans.map(p => p.description.ref);
    // Each plan's stored days, and the day its head falls in.
    // Rolling windows also store the window before theirs, once, so that
    // the burn-down can show a full trailing window at every past day.
    const needed = new Map(
      plans.map(p => {
        const { window, segments } = windows.get(p.description.ref)!;
        const { days, head } = segments;
        const headDay =
          head && head.end.getTime() - head.start.getTime() < DAY_MS
            ? utcDay(head.start)
            : undefined;
        const earliest = utcDay(
          resolveWindow(p.timeWindow, window.start).start,
        );
        const first = headDay ?? days[0];
        const history: string[] = [];
        if (first) {
          for (
            let t = Date.parse(`${earliest}T00:00:00Z`);
            utcDay(new Date(t)) < first;
            t += DAY_MS
          ) {
            history.push(utcDay(new Date(t)));
          }
        }
        return [p.description.ref, { days, headDay, head, history }];
      }),
    );
    const allDays = [...needed.values()].flatMap(n => [
      ...n.history,
      ...(n.headDay ? [n.headDay] : []),
      ...n.days,
    ]);
    const result = new Map<string, Counts>();
    if (allDays.length === 0) return result;
    const sorted = [...new Set(allDays)].sort();
    const stored = await store.getDaily(
      refs,
      sorted[0],
      sorted[sorted.length - 1],
    );
    const have = new Map(stored.map(r => [`${r.sloRef}|${r.day}`, r]));

    const missing = new Map<string, MeasuredPlan[]>();
    const maxBackfill = this.options.maxBackfillDays ?? 400;
    for (const plan of plans) {
      const ref = plan.description.ref;
      const { days, headDay, history } = needed.get(ref)!;
      const gaps = [...history, ...(headDay ? [headDay] : []), ...days]
        .filter(day => !have.has(`${ref}|${day}`))
        .slice(-maxBackfill);
      for (const day of gaps) {
        missing.set(day, [...(missing.get(day) ?? []), plan]);
      }
    }
    for (const [day, dayPlans] of [...missing].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const counts = await measure(dayPlans, 86400, dayEnd(day));
      const rows = [];
      for (const plan of dayPlans) {
        const ref = plan.description.ref;
        const value = counts.get(ref);
        if (!value || 'error' in value) {
          if (value && 'error' in value) fail(ref, value.error);
          continue;
        }
        rows.push({ sloRef: ref, day, good: value.good, total: value.total });
        have.set(`${ref}|${day}`, { sloRef: ref, day, ...value });
      }
      await store.upsertDaily(rows);
    }

    for (const plan of plans) {
      const ref = plan.description.ref;
      const { days, headDay, head } = needed.get(ref)!;
      let sum: Counts = { good: 0, total: 0 };
      for (const day of days) {
        const row = have.get(`${ref}|${day}`);
        if (row) sum = add(sum, row);
      }
      result.set(ref, sum);
      const headRow = headDay && have.get(`${ref}|${headDay}`);
      if (headRow && head) {
        const share = (head.end.getTime() - head.start.getTime()) / DAY_MS;
        result.set(`${ref}|head`, {
          good: headRow.good * share,
          total: headRow.total * share,
        });
      }
    }
    return result;
  }

  /**
   * Latency SLOs name a histogram bucket by its `le`: it must be a boundary
   * the server has (spelled as the server spells it). Boundaries are listed
   * once an hour per histogram.
   */
  private async checkBuckets(
    client: PrometheusClient,
    plans: MeasuredPlan[],
    now: Date,
    onQuery: () => void,
  ): Promise<Array<MeasuredPlan | { plan: MeasuredPlan; error: string }>> {
    const result: Array<MeasuredPlan | { plan: MeasuredPlan; error: string }> =
      [];
    for (const plan of plans) {
      if (plan.kind !== 'ratio') {
        result.push(plan);
        continue;
      }
      let checked: RatioPlan = plan;
      let error: string | undefined;
      for (const part of ['good', 'bad'] as const) {
        const selector = plan[part];
        const bucket = selector && bucketOf(selector);
        if (!selector || !bucket || error) continue;
        try {
          const boundaries = await this.boundaries(
            client,
            bucket.seriesSelector,
            now,
            onQuery,
          );
          const match = matchBucket(selector, boundaries);
          if ('error' in match) error = match.error;
          else checked = { ...checked, [part]: match.selector };
        } catch (e) {
          error = messageOf(e as Error);
        }
      }
      result.push(error ? { plan, error } : checked);
    }
    return result;
  }

  private async boundaries(
    client: PrometheusClient,
    seriesSelector: string,
    time: Date,
    onQuery: () => void,
  ): Promise<string[]> {
    const key = `${client.name}|${seriesSelector}`;
    const cached = this.bucketCache.get(key);
    const now = Date.now();
    if (cached && cached.until > now) return cached.boundaries;
    onQuery();
    const samples = await client.instantQuery(
      `group by (le) (${seriesSelector})`,
      { time },
    );
    const boundaries = samples.map(s => s.labels.le).filter(Boolean);
    this.bucketCache.set(key, { boundaries, until: now + 60 * 60 * 1000 });
    return boundaries;
  }

  private failedStatus(plan: SloPlan, message: string, now: Date): SloStatus {
    return {
      ...plan.description,
      state: 'error',
      message,
      evaluatedAt: now.toISOString(),
    };
  }

  private async loadSlos(credentials: BackstageCredentials) {
    const slos: SloEntity[] = [];
    const slis = new Map<string, SliEntity>();
    const all = await this.queryAll(['SLO', 'SLI'], credentials);
    for (const entity of all) {
      if (isSloEntity(entity)) slos.push(entity);
      else if (isSliEntity(entity)) {
        slis.set(
          `${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`,
          entity,
        );
      }
    }
    return { slos, slis };
  }

  private async queryAll(kinds: string[], credentials: BackstageCredentials) {
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit: 500 }
          : { filter: { kind: kinds }, limit: 500 },
        { credentials },
      );
      entities.push(...page.items);
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return entities;
  }

  /** The maintenance rules of each measured entity and of its system. */
  private async loadMaintenanceRules(
    plans: SloPlan[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, string[]>> {
    const wanted = [
      ...new Set(
        plans
          .filter(p => p.kind !== 'unsupported' && p.excludeMaintenance)
          .map(p => p.description.entityRef),
      ),
    ];
    const rules = new Map<string, string[]>();
    if (wanted.length === 0) return rules;
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: wanted },
      { credentials },
    );
    const systemRefs = new Map<string, string>();
    for (const entity of items) {
      if (!entity) continue;
      const system = (entity.relations ?? []).find(
        r => r.type === 'partOf',
      )?.targetRef;
      if (system?.startsWith('system:'))
        systemRefs.set(stringifyEntityRef(entity), system);
    }
    const systems = systemRefs.size
      ? (
          await this.options.catalog.getEntitiesByRefs(
            { entityRefs: [...new Set(systemRefs.values())] },
            { credentials },
          )
        ).items
      : [];
    const ruleOf = (e?: Entity) =>
      e?.metadata.annotations?.[ANNOTATION_MAINTENANCE_WINDOW];
    for (const entity of items) {
      if (!entity) continue;
      const ref = stringifyEntityRef(entity);
      const system = systems.find(
        s => s && stringifyEntityRef(s) === systemRefs.get(ref),
      );
      rules.set(
        ref,
        [ruleOf(entity), ruleOf(system ?? undefined)].filter(
          (r): r is string => !!r,
        ),
      );
    }
    return rules;
  }
}
