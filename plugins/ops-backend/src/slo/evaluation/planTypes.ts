import {
  SliQueries,
  SloEvaluationPath,
  SloObjective,
  SloTimeWindow,
} from '@unyo/plugin-ops-common';
import { SloDescription } from '../describeSlo';

export interface PlanBase {
  description: SloDescription;
  /** A server name in ops.prometheus.servers; the default when absent. */
  server?: string;
  /**
   * Set when `server` names an OpenSLO DataSource of the catalog: its URL,
   * matched against ops.prometheus.servers, never called itself.
   */
  dataSource?: { name: string; url?: string };
  /** Remove the measured entity's (and its system's) maintenance windows. */
  excludeMaintenance: boolean;
  /** The labels of `unyo.dev/group-by`: the SLO is also measured per group. */
  groupBy?: string[];
  objective: SloObjective;
  timeWindow: SloTimeWindow;
}

/** Counters: good (or bad) events over total events, via increase(). */
export interface RatioPlan extends PlanBase {
  kind: 'ratio';
  path: 'selector';
  good?: string;
  bad?: string;
  total: string;
}

/** Any other PromQL: event counts from `sliWindowQueries`, one query a window. */
export interface ExpressionPlan extends PlanBase {
  kind: 'expression';
  path: 'expression' | 'template';
  sli: SliQueries;
  /** Step of the subqueries that integrate rates (ops.slo.expressionResolution). */
  resolutionSeconds: number;
}

/** Time slices: a slice is good when the query meets `op value`. */
export interface ThresholdPlan extends PlanBase {
  kind: 'threshold';
  path: SloEvaluationPath;
  query: string;
  op: 'lt' | 'lte' | 'gt' | 'gte';
  value: number;
  sliceSeconds: number;
}

/** A valid SLO Unyo cannot evaluate: listed with state error and why. */
export interface UnsupportedPlan {
  kind: 'unsupported';
  description: SloDescription;
  message: string;
}

export type SloPlan =
  | RatioPlan
  | ExpressionPlan
  | ThresholdPlan
  | UnsupportedPlan;

/** A plan that is measured against Prometheus. */
export type MeasuredPlan = RatioPlan | ExpressionPlan | ThresholdPlan;
