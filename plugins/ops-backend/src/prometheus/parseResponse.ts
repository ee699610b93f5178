import { InstantSample, RangeSeries } from './types';

/**
 * Reads a sample value as Prometheus writes it: a string, because JSON has no
 * NaN or infinities, and Prometheus spells them `NaN`, `+Inf` and `-Inf`.
 */
export function parseSampleValue(value: unknown): number {
  switch (value) {
    case 'NaN':
      return NaN;
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    default: {
      const n = typeof value === 'string' && value !== '' ? Number(value) : NaN;
      if (Number.isNaN(n)) {
        throw new Error(`unexpected sample value ${JSON.stringify(value)}`);
      }
      return n;
    }
  }
}

function parsePoint(point: unknown): [Date, number] {
  if (
    !Array.isArray(point) ||
    point.length !== 2 ||
    typeof point[0] !== 'number'
  ) {
    throw new Error(`unexpected sample ${JSON.stringify(point)}`);
  }
  return [new Date(Math.round(point[0] * 1000)), parseSampleValue(point[1])];
}

function parseLabels(metric: unknown): Record<string, string> {
  if (metric === undefined) return {};
  if (typeof metric !== 'object' || metric === null) {
    throw new Error(`unexpected labels ${JSON.stringify(metric)}`);
  }
  return metric as Record<string, string>;
}

interface ResultData {
  resultType: string;
  result: unknown;
}

function asResultData(data: unknown): ResultData {
  const d = data as Partial<ResultData> | undefined;
  if (!d || typeof d.resultType !== 'string') {
    throw new Error('the response has no data.resultType');
  }
  return d as ResultData;
}

function asArray(result: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(result)) {
    throw new Error('data.result is not an array');
  }
  return result;
}

function histogramNotSupported(series: Record<string, unknown>): void {
  if (!('value' in series) && !('values' in series)) {
    throw new Error('native histogram samples are not supported');
  }
}

/** The `data` of an instant query: a vector, or a scalar as one unlabelled sample. */
export function parseInstantData(data: unknown): InstantSample[] {
  const { resultType, result } = asResultData(data);
  if (resultType === 'scalar') {
    const [timestamp, value] = parsePoint(result);
    return [{ labels: {}, value, timestamp }];
  }
  if (resultType !== 'vector') {
    throw new Error(
      `the query returned a ${resultType}; an instant query must return a vector or a scalar`,
    );
  }
  return asArray(result).map(series => {
    histogramNotSupported(series);
    const [timestamp, value] = parsePoint(series.value);
    return { labels: parseLabels(series.metric), value, timestamp };
  });
}

/** The `data` of a range query: a matrix. */
export function parseRangeData(data: unknown): RangeSeries[] {
  const { resultType, result } = asResultData(data);
  if (resultType !== 'matrix') {
    throw new Error(`the range query returned a ${resultType}, not a matrix`);
  }
  return asArray(result).map(series => {
    histogramNotSupported(series);
    if (!Array.isArray(series.values)) {
      throw new Error('a series has no values');
    }
    return {
      labels: parseLabels(series.metric),
      values: series.values.map(parsePoint),
    };
  });
}
