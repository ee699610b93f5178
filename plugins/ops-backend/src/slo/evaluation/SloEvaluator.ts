import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CompositeSloEntity,
  SloEntity,
  SloPolicyThresholds,
  SloStatus,
} from '@unyo/plugin-ops-common';
import { SloStore } from '../../database/SloStore';
import { createLimiter } from '../../lib/limit';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { PrometheusClients } from '../../prometheus/PrometheusClients';
import { recomputeCorrectedDays } from '../corrections/correctedDays';
import { DatabaseSloCorrectionStore } from '../corrections/DatabaseSloCorrectionStore';
import { BucketBoundaries } from './BucketBoundaries';
import { loadSlos } from './catalogSlos';
import { MeasuredPlan, measureCounts } from './measureCounts';
import { evaluateOnServer } from './measureServer';
import { withGroups } from './measureGroups';
import { SloPlan } from './planSlo';
import { PlanCache } from './PlanCache';
import {
  loadCorrections,
  RoundLookups,
  startedOnce,
  startLookups,
} from './roundLookups';
import { failedStatus, Measure } from './roundTypes';
import { StatusRecorder } from './StatusRecorder';
import { groupByServer } from './groupByServer';
import { fixedSloPolicy, SloPolicyLookup } from '../policies';
import { SloVersions } from '../versions/SloVersionStore';
import { evaluateComposites } from '../composite/evaluateComposites';

export { HISTORY_SLOT_SECONDS } from './StatusRecorder';

export interface EvaluationRoundResult {
  slos: number;
  queries: number;
  errors: number;
  durationMs: number;
}

export type { RoundCorrections, RoundLookups } from './roundLookups';

/** What one evaluation of plans reads besides Prometheus. */
export interface EvaluationContext {
  now: Date;
  /**
   * Policies, maintenance rules and corrections: needed only once counts
   * are measured, so a round reads them while its queries run.
   */
  lookups: () => Promise<RoundLookups>;
  /** Where stored days are read, and missing ones backfilled into. */
  daily: Pick<SloStore, 'getDaily' | 'upsertDaily' | 'summarizeDaily'>;
  onQuery?: () => void;
}

export interface SloEvaluatorOptions {
  catalog: CatalogService;
  auth: AuthService;
  store: SloStore;
  prometheus: PrometheusClients;
  logger: LoggerService;
  /** The policy of every SLO when `policies` is not given. */
  thresholds: SloPolicyThresholds;
  /** Each SLO's error-budget policy (`ops.slo.policies`, docs/catalog-model.md). */
  policies?: SloPolicyLookup;
  /** Told every status of a round once it is stored (notifications). */
  onRound?: (statuses: SloStatus[]) => Promise<void>;
  /** Queries in flight per Prometheus server. */
  concurrency?: number;
  /** Step integrating rates (`ops.slo.expressionResolution`), seconds; default 60. */
  resolutionSeconds?: number;
  /** Records a new SLO version when a round sees a changed target, window or queries. */
  versions?: Pick<SloVersions, 'observe'>;
  /** Error-budget corrections, excluded as maintenance is (docs/slo-math.md). */
  corrections?: Pick<
    DatabaseSloCorrectionStore,
    'overlapping' | 'pending' | 'settle'
  >;
  /** Most missing days backfilled per SLO in one round (first appearance). */
  maxBackfillDays?: number;
  /** Most groups kept per grouped SLO (`ops.slo.maxGroups`); default 100. */
  maxGroups?: number;
  now?: () => Date;
}

/**
 * Evaluates every SLO of the catalog: one round of the scheduled task.
 * Plans each SLO (`planSlo`), groups the plans by Prometheus server, checks
 * histogram buckets, measures each server's SLOs (`evaluateOnServer`, with
 * the daily rollups of `slo/rollups/`) and persists the statuses; then the
 * journeys (CompositeSLO) from their components' statuses.
 */
export class SloEvaluator {
  private readonly buckets = new BucketBoundaries();
  private readonly plans = new PlanCache();

  constructor(private readonly options: SloEvaluatorOptions) {}

  /**
   * One round. `include` keeps only the SLOs it accepts (by entity ref): a
   * replica's shard when rounds are shared by replicas (`slo/sharding/`).
   */
  async evaluateAll(
    include?: (sloRef: string) => boolean,
  ): Promise<EvaluationRoundResult> {
    const { catalog, auth, store, logger } = this.options;
    const started = Date.now();
    const now = this.options.now?.() ?? new Date();
    const credentials = await auth.getOwnServiceCredentials();
    const loaded = await loadSlos(catalog, credentials);
    const { slis, dataSources } = loaded;
    const keep = (e: Entity) => !include || include(stringifyEntityRef(e));
    const slos = loaded.slos.filter(keep);
    const composites = loaded.composites.filter(keep);
    // Versions are history: read and written while the queries run.
    const observed = startedOnce(async () =>
      this.options.versions?.observe(slos, slis, now),
    );
    this.plans.keepOnly(loaded.slos);
    const plans = this.plans.plan(slos, slis, {
      dataSources,
      resolutionSeconds: this.options.resolutionSeconds,
    });
    const settled: string[] = [];
    const { lookups, readAt } = this.lookupsOf({
      subjects: [...slos, ...composites],
      plans,
      now,
      credentials,
      settled,
    });

    const recorder = new StatusRecorder(store);
    let queries = 0;
    await this.evaluatePlans(
      plans,
      {
        now,
        lookups,
        daily: store,
        onQuery: () => {
          // Reading lookups and versions takes CPU and (with SQLite) blocks:
          // started once the first queries are on their way, not before.
          if (queries++ === 0) {
            setImmediate(() => {
              lookups();
              observed();
            });
          }
        },
      },
      async statuses => {
        recorder.add(statuses);
        // Per server: a server's statuses are kept if a later one throws.
        await recorder.flush();
      },
    );
    await recorder.flush();
    const { policyOf } = await lookups();
    const correctionsReadAt = readAt();
    if (correctionsReadAt && settled.length) {
      await this.options.corrections!.settle(settled, correctionsReadAt);
    }
    if (composites.length) {
      recorder.add(
        await evaluateComposites({
          composites,
          round: recorder.saved,
          store,
          policyOf,
          now,
        }),
      );
      await recorder.flush();
    }
    await observed();

    await this.options.onRound?.(recorder.saved);
    const result = {
      slos: plans.length + composites.length,
      queries,
      errors: recorder.errors,
      durationMs: Date.now() - started,
    };
    logger.info(
      `Evaluated ${result.slos} SLOs with ${result.queries} Prometheus queries in ${result.durationMs} ms (${result.errors} in error)`,
    );
    return result;
  }

  /**
   * Evaluates plans at `context.now` as a round does, server by server:
   * `emit` receives the statuses of the plans that cannot be measured, then
   * each server's. Stores nothing but the daily rows `context.daily` keeps,
   * so a preview passes rows of its own (`slo/preview/`).
   */
  async evaluatePlans(
    plans: SloPlan[],
    context: EvaluationContext,
    emit: (statuses: SloStatus[]) => Promise<void>,
  ): Promise<void> {
    const { now, onQuery, lookups } = context;
    const { byServer, unplanned } = groupByServer(plans, this.options.prometheus, now);
    if (unplanned.length) await emit(unplanned);

    for (const [server, serverPlans] of byServer) {
      const client = this.options.prometheus.get(server);
      const limit = createLimiter(this.options.concurrency ?? 4);
      const measure: Measure = (ps, windowSeconds, time) =>
        measureCounts({
          client,
          plans: ps,
          windowSeconds,
          time,
          limit,
          onQuery,
        });
      const checked: MeasuredPlan[] = [];
      const failed: SloStatus[] = [];
      for (const plan of await this.buckets.check(
        client,
        serverPlans,
        now,
        onQuery ?? (() => {}),
      )) {
        if ('error' in plan) {
          failed.push(failedStatus(plan.plan, plan.error, now));
        } else {
          checked.push(plan);
        }
      }
      const statuses = await withGroups({
        statuses: await evaluateOnServer({
          plans: checked,
          lookups,
          measure,
          now,
          store: context.daily,
          maxBackfillDays: this.options.maxBackfillDays ?? 400,
        }),
        plans: checked,
        query: (q, time) =>
          limit(() => {
            onQuery?.();
            return client.instantQuery(q, { time });
          }),
        now,
        policyOf: (await lookups()).policyOf,
        maxGroups: this.options.maxGroups ?? 100,
      });
      const { corrections } = await lookups();
      const recompute = corrections?.recompute;
      if (corrections && recompute) {
        recompute.settled.push(
          ...(await recomputeCorrectedDays({
            plans: checked,
            pending: corrections.pending,
            corrections: corrections.intervals,
            measure,
            store: recompute.store,
            now,
          })),
        );
      }
      await emit([...failed, ...statuses]);
    }
  }

  /**
   * A round's lookups, read once first needed (`startLookups`), and when its
   * corrections were read (settled corrections are those read before it).
   */
  private lookupsOf(options: {
    subjects: Array<SloEntity | CompositeSloEntity>;
    plans: SloPlan[];
    now: Date;
    credentials: BackstageCredentials;
    settled: string[];
  }): { lookups: () => Promise<RoundLookups>; readAt: () => Date | undefined } {
    const { catalog, store } = this.options;
    const { plans, now, settled } = options;
    const correctionStore = this.options.corrections;
    let readAt: Date | undefined;
    const lookups = startedOnce(() =>
      startLookups({
        catalog,
        credentials: options.credentials,
        policies:
          this.options.policies ?? fixedSloPolicy(this.options.thresholds),
        subjects: options.subjects,
        plans,
        corrections:
          correctionStore &&
          (async () => {
            const corrections = await loadCorrections(
              correctionStore,
              plans,
              now,
            );
            readAt = corrections.readAt;
            return { ...corrections, recompute: { store, settled } };
          }),
      }),
    );
    return { lookups, readAt: () => readAt };
  }
}
