import { parse } from 'yaml';
import {
  ExtraMetric,
  Family,
  Incident,
  MetricsFile,
  ServiceSpec,
} from './types';

const FAMILIES: Family[] = ['http', 'grpc', 'up'];

/**
 * Parses and validates metrics.yaml. Errors name the offending path so that a
 * typo in examples/ is found without reading the generator.
 */
export function parseMetricsFile(text: string): MetricsFile {
  const doc = parse(text);
  const services = doc?.services;
  if (!Array.isArray(services)) {
    throw new Error('metrics.yaml: expected a top-level `services` list');
  }
  const parsed = services.map((s, i) => parseService(s, `services[${i}]`));
  const names = new Set<string>();
  for (const s of parsed) {
    if (names.has(s.service)) {
      throw new Error(`metrics.yaml: service ${s.service} is listed twice`);
    }
    names.add(s.service);
  }
  return { services: parsed };
}

function parseService(raw: any, at: string): ServiceSpec {
  const families = list(raw.families, `${at}.families`).map(f => {
    if (!FAMILIES.includes(f)) {
      throw new Error(`metrics.yaml: ${at}.families: unknown family ${f}`);
    }
    return f as Family;
  });
  const latency = raw.latencySeconds ?? {};
  const spec: ServiceSpec = {
    service: str(raw.service, `${at}.service`),
    system: str(raw.system, `${at}.system`),
    families,
    requestsPerSecond: num(
      raw.requestsPerSecond ?? 0,
      `${at}.requestsPerSecond`,
    ),
    errorRatio: num(raw.errorRatio ?? 0, `${at}.errorRatio`),
    latencySeconds: {
      p50: num(latency.p50 ?? 0.05, `${at}.latencySeconds.p50`),
      p99: num(latency.p99 ?? 0.5, `${at}.latencySeconds.p99`),
    },
    extra: list(raw.extra ?? [], `${at}.extra`).map((e, i) =>
      parseExtra(e, `${at}.extra[${i}]`),
    ),
    incidents: list(raw.incidents ?? [], `${at}.incidents`).map((e, i) =>
      parseIncident(e, `${at}.incidents[${i}]`),
    ),
  };
  if (spec.latencySeconds.p99 <= spec.latencySeconds.p50) {
    throw new Error(`metrics.yaml: ${at}.latencySeconds: p99 must exceed p50`);
  }
  if (families.includes('grpc')) {
    const grpc = raw.grpc ?? {};
    spec.grpc = {
      service: str(grpc.service, `${at}.grpc.service`),
      methods: list(grpc.methods, `${at}.grpc.methods`).map((m, i) =>
        str(m, `${at}.grpc.methods[${i}]`),
      ),
    };
  }
  return spec;
}

function parseExtra(raw: any, at: string): ExtraMetric {
  const type = raw.type ?? 'gauge';
  if (type !== 'gauge' && type !== 'counter') {
    throw new Error(`metrics.yaml: ${at}.type must be gauge or counter`);
  }
  const name = str(raw.name, `${at}.name`);
  return {
    name,
    type,
    help: raw.help ? String(raw.help) : name,
    labels: Object.fromEntries(
      Object.entries(raw.labels ?? {}).map(([k, v]) => [k, String(v)]),
    ),
    value: num(raw.value, `${at}.value`),
    jitter: num(raw.jitter ?? 0, `${at}.jitter`),
    incidentValue:
      raw.incidentValue === undefined
        ? undefined
        : num(raw.incidentValue, `${at}.incidentValue`),
  };
}

function parseIncident(raw: any, at: string): Incident {
  return {
    startDaysAgo: num(raw.startDaysAgo, `${at}.startDaysAgo`),
    durationMinutes: num(raw.durationMinutes ?? 0, `${at}.durationMinutes`),
    errorRatio:
      raw.errorRatio === undefined
        ? undefined
        : num(raw.errorRatio, `${at}.errorRatio`),
    latencyFactor: num(raw.latencyFactor ?? 1, `${at}.latencyFactor`),
    down: Boolean(raw.down),
    metrics: list(raw.metrics ?? [], `${at}.metrics`).map(String),
    ongoing: Boolean(raw.ongoing),
  };
}

function str(v: unknown, at: string): string {
  if (typeof v !== 'string' || !v) {
    throw new Error(`metrics.yaml: ${at} must be a non-empty string`);
  }
  return v;
}

function num(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new Error(`metrics.yaml: ${at} must be a non-negative number`);
  }
  return v;
}

function list(v: unknown, at: string): any[] {
  if (!Array.isArray(v)) {
    throw new Error(`metrics.yaml: ${at} must be a list`);
  }
  return v;
}
