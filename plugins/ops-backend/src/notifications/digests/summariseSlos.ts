import {
  DEFAULT_SLO_POLICY_THRESHOLDS,
  policyFor,
  SloHistoryPoint,
  SloPolicy,
  SloReportItem,
} from '@unyo/plugin-ops-common';
import { DigestPeriod } from './digestPeriod';

/** One SLO as a digest tells of it. */
export interface DigestSlo {
  ref: string;
  title: string;
  owner?: string;
  /** The remaining error budget now; undefined without an evaluation. */
  remainingRatio?: number;
  /** The policy band now; undefined without an evaluation. */
  policy?: SloPolicy;
  /** The policy bands it went through in the period, in order, each once in a row. */
  bands: SloPolicy[];
  /** Budget (as a ratio of the whole) it lost over the period; undefined with fewer than two points. */
  consumedRatio?: number;
}

/** What a digest says of a set of SLOs. */
export interface DigestSummary {
  slos: DigestSlo[];
  /** SLOs whose band changed during the period. */
  moved: DigestSlo[];
  /** SLOs that lost the most budget, most first; only those that lost some. */
  topBurners: DigestSlo[];
}

/**
 * An SLO's period from its burn-down points: `history` may start before the
 * period; the last point before it is the band the period started in.
 */
export function digestSlo(
  status: SloReportItem,
  history: SloHistoryPoint[],
  period: DigestPeriod,
): DigestSlo {
  const start = period.start.getTime();
  const end = period.end.getTime();
  const measured = history.filter(
    (p): p is SloHistoryPoint & { remainingRatio: number } =>
      p.remainingRatio !== null && Date.parse(p.t) < end,
  );
  const firstInPeriod = measured.findIndex(p => Date.parse(p.t) >= start);
  const points =
    firstInPeriod < 0 ? [] : measured.slice(Math.max(0, firstInPeriod - 1));
  const thresholds = status.policySet ?? DEFAULT_SLO_POLICY_THRESHOLDS;
  const bands: SloPolicy[] = [];
  for (const point of points) {
    const band = policyFor(point.remainingRatio, thresholds);
    if (bands[bands.length - 1] !== band) bands.push(band);
  }
  // A failed round shows the last good values, as the report does.
  return {
    ref: status.ref,
    title: status.title ?? status.ref,
    owner: status.owner,
    remainingRatio: status.errorBudget?.remainingRatio,
    policy: status.policy,
    bands,
    consumedRatio:
      points.length > 1
        ? points[0].remainingRatio - points[points.length - 1].remainingRatio
        : undefined,
  };
}

/** The moved SLOs and the `topBurners` SLOs that lost the most budget. */
export function summariseDigest(
  slos: DigestSlo[],
  topBurners: number,
): DigestSummary {
  return {
    slos,
    moved: slos.filter(s => s.bands.length > 1),
    topBurners: slos
      .filter(s => (s.consumedRatio ?? 0) > 0)
      .sort((a, b) => b.consumedRatio! - a.consumedRatio!)
      .slice(0, topBurners),
  };
}
