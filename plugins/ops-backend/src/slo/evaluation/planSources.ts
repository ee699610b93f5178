/** A valid SLO Unyo cannot evaluate; its message becomes the SLO's state. */
export class Unsupported extends Error {}

export interface MetricSource {
  type?: string;
  metricSourceRef?: string;
  spec?: { query?: unknown };
}

/** A Prometheus query of an SLI, and the server (or DataSource) it names. */
export interface SourceQuery {
  query: string;
  /** `metricSourceRef`: a server of ops.prometheus.servers or a DataSource. */
  server?: string;
  /** Where the query sits in the document, for messages. */
  field: string;
}

export function prometheusQuery(
  source: { metricSource?: MetricSource } | undefined,
  field: string,
): SourceQuery {
  const metricSource = source?.metricSource;
  if (!metricSource) {
    throw new Unsupported(`${field} has no metricSource`);
  }
  if (metricSource.type?.toLowerCase() !== 'prometheus') {
    throw new Unsupported(
      `${field}.metricSource.type "${metricSource.type}" is not supported: Unyo evaluates Prometheus sources`,
    );
  }
  const query = metricSource.spec?.query;
  if (typeof query !== 'string' || query.trim() === '') {
    throw new Unsupported(`${field}.metricSource.spec.query is missing`);
  }
  return {
    query: query.trim(),
    server: metricSource.metricSourceRef,
    field: `${field}.metricSource.spec.query`,
  };
}

export function durationSeconds(value: number | string | undefined): number {
  if (value === undefined) {
    return 60;
  }
  if (typeof value === 'number') {
    return value;
  }
  const match = /^(\d+)(s|m|h)$/.exec(value);
  if (!match) {
    throw new Unsupported(
      `timeSliceWindow "${value}" is not supported: use seconds, or a number with s, m or h`,
    );
  }
  return (
    Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h']
  );
}
