import type { OpenSloRatioMetric } from '@unyo/plugin-ops-common';
import { openSloDuration, prometheusDurationSeconds } from './durations';
import {
  at,
  FieldError,
  isFields,
  optionalFields,
  optionalList,
  optionalString,
  percent,
  presentKeys,
  requiredFields,
  requiredString,
  type Fields,
} from './fields';
import { ALERTING_REASON, outcomeOf, prometheusQuery } from './outcome';
import type { FieldNote, SloOutcome } from './types';

const INDICATORS = ['ratio', 'latency', 'latencyNative', 'bool_gauge'];

/** Pyrra's Kubernetes resource (also read from files by Pyrra's filesystem mode). */
export function isPyrraSlo(doc: Fields): boolean {
  return (
    typeof doc.apiVersion === 'string' &&
    doc.apiVersion.startsWith('pyrra.dev/') &&
    doc.kind === 'ServiceLevelObjective'
  );
}

const metricOf = (indicator: Fields, key: string, path: string) =>
  requiredString(requiredFields(indicator, key, path), 'metric', at(path, key));

/**
 * The SLI of each indicator type, with Pyrra's meaning: ratio and latency
 * are counter selectors (Unyo's batched path); bool_gauge and latencyNative
 * are expressions over `{{.window}}`, written as Pyrra's own rules compute
 * them.
 */
function pyrraSli(
  kind: string,
  body: Fields,
  path: string,
): OpenSloRatioMetric {
  if (kind === 'ratio') {
    return {
      counter: true,
      bad: prometheusQuery(metricOf(body, 'errors', path)),
      total: prometheusQuery(metricOf(body, 'total', path)),
    };
  }
  if (kind === 'latency') {
    return {
      counter: true,
      good: prometheusQuery(metricOf(body, 'success', path)),
      total: prometheusQuery(metricOf(body, 'total', path)),
    };
  }
  if (kind === 'latencyNative') {
    const metric = metricOf(body, 'total', path);
    const latency = requiredString(body, 'latency', path);
    const seconds = prometheusDurationSeconds(latency);
    if (seconds === undefined) {
      throw new FieldError(
        at(path, 'latency'),
        `"${latency}" is not a Prometheus duration such as 200ms`,
      );
    }
    // Pyrra: 1 - histogram_fraction(0, latency, sum(rate(metric[w]))).
    return {
      rawType: 'success',
      raw: prometheusQuery(
        `histogram_fraction(0, ${seconds}, sum(rate(${metric}[{{.window}}])))`,
      ),
    };
  }
  const metric = requiredString(body, 'metric', path);
  // Pyrra: the share of samples that are 1 over the window.
  return {
    counter: false,
    good: prometheusQuery(`sum(sum_over_time(${metric}[{{.window}}]))`),
    total: prometheusQuery(`sum(count_over_time(${metric}[{{.window}}]))`),
  };
}

function groupingNote(body: Fields, path: string): FieldNote[] {
  const grouping = optionalList(body, 'grouping', path);
  if (!grouping?.length) return [];
  return [
    {
      field: at(path, 'grouping'),
      reason: `not converted: Pyrra makes one SLO per value of ${grouping
        .map(String)
        .join(
          ', ',
        )}; Unyo has no per-group SLOs yet, so this SLO measures all of them together`,
    },
  ];
}

function windowOf(spec: Fields): string {
  const window = requiredString(spec, 'window', 'spec');
  const seconds = prometheusDurationSeconds(window);
  const duration = seconds === undefined ? undefined : openSloDuration(seconds);
  if (!duration) {
    throw new FieldError(
      'spec.window',
      `"${window}" is not a Prometheus duration of whole minutes, such as 4w or 28d`,
    );
  }
  return duration;
}

/** A Pyrra ServiceLevelObjective: one SLO, named as the resource. */
export function convertPyrra(doc: Fields): SloOutcome[] {
  const metadata = isFields(doc.metadata) ? doc.metadata : {};
  const label =
    typeof metadata.name === 'string' ? metadata.name : 'metadata.name';
  return [
    outcomeOf(label, () => {
      const meta = requiredFields(doc, 'metadata', '');
      const name = requiredString(meta, 'name', 'metadata');
      const labels = optionalFields(meta, 'labels', 'metadata') ?? {};
      const spec = requiredFields(doc, 'spec', '');
      const targetPercent = percent(spec, 'target', 'spec');
      const duration = windowOf(spec);
      const description = optionalString(spec, 'description', 'spec');
      const indicator = requiredFields(spec, 'indicator', 'spec');
      const kinds = presentKeys(indicator, INDICATORS);
      if (kinds.length !== 1) {
        throw new FieldError(
          'spec.indicator',
          kinds.length
            ? `has ${kinds.join(' and ')}: Pyrra takes one of ${INDICATORS.join(
                ', ',
              )}`
            : `has none of ${INDICATORS.join(', ')}`,
        );
      }
      const [kind] = kinds;
      const path = at('spec.indicator', kind);
      const body = requiredFields(indicator, kind, 'spec.indicator');
      const ratioMetric = pyrraSli(kind, body, path);

      const notConverted = [...groupingNote(body, path)];
      if (meta.namespace !== undefined) {
        notConverted.push({
          field: 'metadata.namespace',
          reason:
            'not converted: a Kubernetes namespace is not a catalog namespace (the SLO goes to the default one)',
        });
      }
      if (spec.alerting !== undefined) {
        notConverted.push({ field: 'spec.alerting', reason: ALERTING_REASON });
      }
      for (const key of presentKeys(spec, [
        'performanceOverAccuracy',
        'partial_response_strategy',
        'ruleOutput',
      ])) {
        notConverted.push({
          field: at('spec', key),
          reason: 'not converted: it tunes the rules Pyrra writes',
        });
      }
      return {
        name,
        nameField: 'metadata.name',
        labels,
        labelsField: 'metadata.labels',
        spec: {
          ...(description ? { description } : {}),
          indicator: { spec: { ratioMetric } },
          timeWindow: [{ duration, isRolling: true }],
          budgetingMethod: 'Occurrences',
          objectives: [{ targetPercent }],
        },
        assumed: [],
        notConverted,
      };
    }),
  ];
}
