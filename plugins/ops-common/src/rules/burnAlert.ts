import type { BurnRateAlert } from '../slo/types';
import { errorRatioRecord } from './errorRatioQuery';
import { escapeTemplate } from './ruleLabels';
import type { AlertingRule } from './types';

function hours(seconds: number): string {
  const h = seconds / 3600;
  return h > 72
    ? `${Number((h / 24).toFixed(1))} days`
    : `${Number(h.toFixed(1))} h`;
}

function percent(ppm: number): string {
  return `${Number((ppm / 10_000).toFixed(4))} %`;
}

/**
 * One multi-window alert: both windows' error ratios above
 * `factor × (1 − target)`, with `(1 − target)` written from the decimal target
 * (0.001, never 0.0009999999999999432).
 */
export function burnAlert(a: {
  tier: BurnRateAlert;
  alertName: string;
  /** `{slo="…"}`, the SLO's recording rules. */
  selector: string;
  budget: string;
  labels: Record<string, string>;
  title: string;
  sloRef: string;
  entityRef: string;
  targetPpm: number;
  periodSeconds: number;
  events: string;
  runbookUrl?: string;
  /** The organisation's and the SLO's own, and the link to the SLO page. */
  annotations?: Record<string, string>;
}): AlertingRule {
  const { tier } = a;
  const threshold = `(${tier.factor} * ${a.budget})`;
  const expr = [
    `${errorRatioRecord(tier.longWindow)}${a.selector} > ${threshold}`,
    'and',
    `${errorRatioRecord(tier.shortWindow)}${a.selector} > ${threshold}`,
  ].join('\n');
  const title = escapeTemplate(a.title);
  return {
    alert: a.alertName,
    expr,
    labels: a.labels,
    annotations: {
      summary: `${title}: error budget burning ${tier.factor}× too fast (${tier.longWindow} and ${tier.shortWindow})`,
      description:
        `${escapeTemplate(a.sloRef)} (measuring ${escapeTemplate(
          a.entityRef,
        )}, target ${percent(a.targetPpm)}): ` +
        `{{ $value | humanizePercentage }} of ${a.events} failed over the last ${tier.longWindow}, ` +
        `and over the last ${tier.shortWindow} too, more than ${
          tier.factor
        } × the ${percent(1_000_000 - a.targetPpm)} allowed. ` +
        `At this rate the whole error budget lasts ${hours(
          a.periodSeconds / tier.factor,
        )}.`,
      ...(a.runbookUrl && { runbook_url: a.runbookUrl }),
      ...a.annotations,
    },
  };
}
