import type { OpenSloMetricSourceHolder } from '@unyo/plugin-ops-common';
import { FieldError } from './fields';
import type { ConvertedSlo, SloOutcome } from './types';

/** A Prometheus query as an OpenSLO metric source, kept as written. */
export const prometheusQuery = (query: string): OpenSloMetricSourceHolder => ({
  metricSource: { type: 'Prometheus', spec: { query } },
});

/** Runs one SLO's conversion; a FieldError becomes its reason not to convert. */
export function outcomeOf(
  label: string,
  convert: () => ConvertedSlo,
): SloOutcome {
  try {
    return { ok: true, slo: convert(), label };
  } catch (error) {
    if (error instanceof FieldError) {
      return {
        ok: false,
        label,
        reasons: [{ field: error.field, reason: error.message }],
      };
    }
    throw error;
  }
}

/** Sloth and Pyrra alert from their own rules; Unyo from the SLO itself. */
export const ALERTING_REASON =
  "not converted: Unyo derives the multi-window burn-rate alerts (page 14.4×/6×, ticket 3×/1×) from the SLO itself, so the source's alert names, labels and annotations are not carried over";
