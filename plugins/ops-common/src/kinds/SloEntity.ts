import type { Entity } from '@backstage/catalog-model';
import { OPENSLO_API_VERSION, SLI_KIND, SLO_KIND } from './constants';
import { isKind } from './isKind';
import type { SloAlertPolicy } from './AlertingEntities';
import type { OpsJsonObject } from './json';

/** Where a metric comes from; `spec` depends on `type`. @public */
export type OpenSloMetricSource = {
  metricSourceRef?: string;
  /** e.g. `Prometheus`; Unyo evaluates Prometheus only. */
  type?: string;
  spec: OpsJsonObject;
};

/** @public */
export type OpenSloMetricSourceHolder = {
  metricSource: OpenSloMetricSource;
};

/**
 * good/total or bad/total, or a precomputed `raw` ratio with `rawType`.
 *
 * @public
 */
export type OpenSloRatioMetric = {
  counter?: boolean;
  good?: OpenSloMetricSourceHolder;
  bad?: OpenSloMetricSourceHolder;
  total?: OpenSloMetricSourceHolder;
  rawType?: 'success' | 'failure';
  raw?: OpenSloMetricSourceHolder;
};

/** Exactly one of `ratioMetric` and `thresholdMetric` is set. @public */
export type SliSpec = {
  description?: string;
  ratioMetric?: OpenSloRatioMetric;
  thresholdMetric?: OpenSloMetricSourceHolder;
};

/**
 * An SLI written inside an SLO or an objective. OpenSLO v1 requires neither
 * field; one without `spec` loads and is not evaluated.
 *
 * @public
 */
export type InlineSli = {
  metadata?: { name?: string; displayName?: string } & OpsJsonObject;
  spec?: SliSpec;
};

/** OpenSLO duration shorthand: `30d`, `4w`, `1M`, `1Q`. @public */
export type OpenSloDuration = string;

/** @public */
export type SloTimeWindow = {
  duration: OpenSloDuration;
  isRolling?: boolean;
  calendar?: {
    /** Local time without zone: `2024-01-01 00:00:00`. */
    startTime: string;
    /** IANA zone, e.g. `Asia/Tokyo`. */
    timeZone: string;
  };
};

/** @public */
export type BudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';

/** Exactly one of `target` (0–1) and `targetPercent` (0–100) is set. @public */
export type SloObjective = {
  displayName?: string;
  op?: 'lte' | 'gte' | 'lt' | 'gt';
  value?: number;
  target?: number;
  targetPercent?: number;
  timeSliceTarget?: number;
  /** Seconds, or an OpenSLO duration such as `1m`. */
  timeSliceWindow?: number | OpenSloDuration;
  indicator?: InlineSli;
  indicatorRef?: string;
  compositeWeight?: number;
};

/** An OpenSLO v1 SLO document in the catalog. @public */
export interface SloEntity extends Entity {
  apiVersion: typeof OPENSLO_API_VERSION;
  kind: typeof SLO_KIND;
  spec: {
    description?: string;
    /** The measured entity: a name (a component in the SLO's namespace) or an entity ref. */
    service: string;
    indicator?: InlineSli;
    indicatorRef?: string;
    /** At most one; without one Unyo evaluates a rolling 30 days. */
    timeWindow?: SloTimeWindow[];
    budgetingMethod: BudgetingMethod;
    /** Unyo evaluates the first; without one the SLO loads and says so. */
    objectives: SloObjective[];
    /** `null` when the key is written without a value. */
    alertPolicies?: SloAlertPolicy[] | null;
  };
}

/** An OpenSLO v1 SLI document in the catalog. @public */
export interface SliEntity extends Entity {
  apiVersion: typeof OPENSLO_API_VERSION;
  kind: typeof SLI_KIND;
  spec: SliSpec;
}

/** @public */
export function isSloEntity(entity: Entity): entity is SloEntity {
  return isKind(entity, OPENSLO_API_VERSION, SLO_KIND);
}

/** @public */
export function isSliEntity(entity: Entity): entity is SliEntity {
  return isKind(entity, OPENSLO_API_VERSION, SLI_KIND);
}
