import { parseEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_EXCLUDE_MAINTENANCE,
  ANNOTATION_GROUP_BY,
  DataSourceEntity,
  parseGroupBy,
  PromqlSyntaxError,
  SliEntity,
  SloEntity,
  withoutComments,
} from '@unyo/plugin-ops-common';
import { describeSlo, sloTimeWindow } from '../describeSlo';
import { planRatio, RatioMetricSpec } from './planRatio';
import type { PlanBase, SloPlan, ThresholdPlan } from './planTypes';
import {
  MetricSource,
  prometheusQuery,
  durationSeconds,
  Unsupported,
} from './planSources';

export type {
  ExpressionPlan,
  MeasuredPlan,
  PlanBase,
  RatioPlan,
  SloPlan,
  ThresholdPlan,
  UnsupportedPlan,
} from './planTypes';

export interface PlanOptions {
  /** Step integrating rates, seconds; default 60. */
  resolutionSeconds?: number;
  /** The catalog's OpenSLO DataSources by `namespace/name`. */
  dataSources?: Map<string, DataSourceEntity>;
}

/** The query without comments, or why the PromQL parser refuses it. */
function checkedQuery(query: string, field: string): string {
  try {
    return withoutComments(query);
  } catch (e) {
    if (e instanceof PromqlSyntaxError) {
      throw new Unsupported(`${field}: ${e.message}`);
    }
    throw e;
  }
}

const GROUPS_NEED_SELECTORS = `${ANNOTATION_GROUP_BY} needs a ratioMetric of plain counter selectors and budgetingMethod Occurrences`;

/** The annotation's label names; a bad one is the SLO's error. */
function groupLabels(slo: SloEntity): string[] | undefined {
  try {
    return parseGroupBy(slo.metadata.annotations?.[ANNOTATION_GROUP_BY]);
  } catch (e) {
    throw new Unsupported((e as Error).message);
  }
}

/** The URL a DataSource's connectionDetails give, if any. */
function dataSourceUrl(entity: DataSourceEntity): string | undefined {
  const details = entity.spec.connectionDetails ?? {};
  const url = details.url ?? details.address ?? details.baseUrl;
  return typeof url === 'string' ? url : undefined;
}

function withDataSource<T extends PlanBase>(
  plan: T,
  namespace: string,
  dataSources: Map<string, DataSourceEntity> | undefined,
): T {
  if (!plan.server) return plan;
  const entity =
    dataSources?.get(`${namespace}/${plan.server}`) ??
    dataSources?.get(`default/${plan.server}`);
  if (!entity) return plan;
  return {
    ...plan,
    dataSource: { name: plan.server, url: dataSourceUrl(entity) },
  };
}

/**
 * Turns an SLO document (and the SLI it references) into what to query.
 * `slis` maps `namespace/name` to the SLI entities of the catalog.
 */
export function planSlo(
  slo: SloEntity,
  slis: Map<string, SliEntity>,
  options: PlanOptions = {},
): SloPlan {
  const description = describeSlo(slo);
  try {
    const objective = slo.spec.objectives[0] ?? {};
    const namespace = slo.metadata.namespace ?? 'default';
    let indicator: { spec?: unknown } | undefined =
      objective.indicator ?? slo.spec.indicator;
    const indicatorRef = objective.indicatorRef ?? slo.spec.indicatorRef;
    if (!indicator && indicatorRef) {
      const ref = parseEntityRef(indicatorRef, {
        defaultKind: 'sli',
        defaultNamespace: namespace,
      });
      const sli = slis.get(`${ref.namespace}/${ref.name}`);
      if (!sli) {
        throw new Unsupported(
          `spec.indicatorRef "${indicatorRef}" names no SLI in the catalog`,
        );
      }
      indicator = { spec: sli.spec };
    }
    if (!indicator) {
      throw new Unsupported('the SLO has no indicator');
    }
    if (!Number.isFinite(description.target)) {
      throw new Unsupported('objectives[0] has no target');
    }
    const groupBy = groupLabels(slo);
    const base = {
      description,
      objective,
      timeWindow: sloTimeWindow(slo),
      excludeMaintenance:
        slo.metadata.annotations?.[ANNOTATION_EXCLUDE_MAINTENANCE] === 'true',
      ...(groupBy && { groupBy }),
    };
    // An inline indicator may come without spec (OpenSLO v1 allows it).
    const spec = (indicator.spec ?? {}) as {
      ratioMetric?: RatioMetricSpec;
      thresholdMetric?: { metricSource?: MetricSource };
    };

    if (spec.ratioMetric) {
      const ratio = planRatio(spec.ratioMetric, {
        base,
        method: slo.spec.budgetingMethod,
        objective,
        resolutionSeconds: options.resolutionSeconds ?? 60,
      });
      if (groupBy && ratio.kind !== 'ratio') {
        throw new Unsupported(GROUPS_NEED_SELECTORS);
      }
      return withDataSource(ratio, namespace, options.dataSources);
    }
    if (groupBy) throw new Unsupported(GROUPS_NEED_SELECTORS);
    if (spec.thresholdMetric) {
      if (slo.spec.budgetingMethod !== 'Timeslices') {
        throw new Unsupported(
          `a thresholdMetric needs budgetingMethod Timeslices, not ${slo.spec.budgetingMethod}`,
        );
      }
      if (!objective.op || objective.value === undefined) {
        throw new Unsupported('a Timeslices objective needs op and value');
      }
      const source = prometheusQuery(spec.thresholdMetric, 'thresholdMetric');
      const threshold: ThresholdPlan = {
        ...base,
        kind: 'threshold',
        path: 'timeslices',
        server: source.server,
        query: checkedQuery(source.query, source.field),
        op: objective.op,
        value: objective.value,
        sliceSeconds: durationSeconds(objective.timeSliceWindow),
      };
      return withDataSource(threshold, namespace, options.dataSources);
    }
    throw new Unsupported(
      'the indicator has neither ratioMetric nor thresholdMetric',
    );
  } catch (e) {
    if (e instanceof Unsupported) {
      return { kind: 'unsupported', description, message: e.message };
    }
    return {
      kind: 'unsupported',
      description,
      message: `cannot be evaluated: ${(e as Error).message}`,
    };
  }
}
