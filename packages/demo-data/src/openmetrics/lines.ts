import { LE_LABELS } from '../model/histogram';
import { Labels, MetricFamily } from '../model/series';

/**
 * Sample lines shared by the OpenMetrics history and the exporter's
 * Prometheus text format; they differ only in the timestamp suffix.
 */
export function sampleLines(
  family: MetricFamily,
  labels: Labels,
  values: number[],
  suffix: string,
): string {
  if (family.type !== 'histogram') {
    return `${family.name}${formatLabels(labels)} ${formatValue(
      values[0],
    )}${suffix}\n`;
  }
  let out = '';
  LE_LABELS.forEach((le, i) => {
    out += `${family.name}_bucket${formatLabels({
      ...labels,
      le,
    })} ${formatValue(values[i])}${suffix}\n`;
  });
  const count = values[LE_LABELS.length];
  const sum = values[LE_LABELS.length + 1];
  out += `${family.name}_count${formatLabels(labels)} ${formatValue(
    count,
  )}${suffix}\n`;
  out += `${family.name}_sum${formatLabels(labels)} ${formatValue(
    sum,
  )}${suffix}\n`;
  return out;
}

export function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(
    ([k, v]) => `${k}="${escapeLabelValue(v)}"`,
  );
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

export function escapeLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** Number of TSDB series one series of the family becomes. */
export function seriesWidth(family: MetricFamily): number {
  return family.type === 'histogram' ? LE_LABELS.length + 2 : 1;
}
