import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  MetricQueryClient,
  MetricSample,
  MetricSeries,
  MetricSourceType,
  opsMetricSourcesExtensionPoint,
} from '@unyo/plugin-ops-node';

/** What the test source sent: path and form of each request. */
export type SentQuery = { path: string; form: Record<string, string> };

type PromVector = Array<{
  metric: Record<string, string>;
  value: [number, string];
}>;
type PromMatrix = Array<{
  metric: Record<string, string>;
  values: Array<[number, string]>;
}>;

/**
 * A metric source type as an adopter's module would write one: a Thanos
 * Querier client that asks for complete answers only (`partial_response=false`,
 * `dedup=true`, Thanos's own query parameters, which Prometheus ignores) and
 * reads its URL from its `ops.prometheus.servers` block. It speaks the
 * Prometheus HTTP API, so the test runs it against a real Prometheus.
 */
export function thanosMetricSource(sent: SentQuery[]): MetricSourceType {
  return {
    type: 'thanos',
    createClient({ name, config }): MetricQueryClient {
      const url = config.getString('url').replace(/\/+$/, '');
      const post = async (path: string, form: Record<string, string>) => {
        const all = { ...form, partial_response: 'false', dedup: 'true' };
        sent.push({ path, form: all });
        const res = await fetch(`${url}${path}`, {
          method: 'POST',
          body: new URLSearchParams(all),
        });
        const body = await res.json();
        if (body.status !== 'success') {
          throw new Error(`Thanos ${name}: ${body.error ?? res.status}`);
        }
        return body.data;
      };
      const instantQuery = async (
        query: string,
        options: { time?: Date } = {},
      ): Promise<MetricSample[]> => {
        const data = await post('/api/v1/query', {
          query,
          ...(options.time
            ? { time: String(options.time.getTime() / 1000) }
            : {}),
        });
        if (data.resultType === 'scalar') {
          const [t, v] = data.result as [number, string];
          return [
            { labels: {}, value: Number(v), timestamp: new Date(t * 1000) },
          ];
        }
        return (data.result as PromVector).map(s => ({
          labels: s.metric,
          value: Number(s.value[1]),
          timestamp: new Date(s.value[0] * 1000),
        }));
      };
      return {
        name,
        instantQuery,
        async rangeQuery(query, options): Promise<MetricSeries[]> {
          const data = await post('/api/v1/query_range', {
            query,
            start: String(options.start.getTime() / 1000),
            end: String(options.end.getTime() / 1000),
            step: String(options.stepSeconds),
          });
          return (data.result as PromMatrix).map(s => ({
            labels: s.metric,
            values: s.values.map(
              ([t, v]) => [new Date(t * 1000), Number(v)] as [Date, number],
            ),
          }));
        },
        async earliestSampleTime(selector, options) {
          const lookback = `${options.lookbackSeconds}s`;
          const resolution = `${options.resolutionSeconds ?? 3600}s`;
          const [sample] = await instantQuery(
            `min(min_over_time(timestamp(${selector})[${lookback}:${resolution}]))`,
            options,
          );
          return sample && Number.isFinite(sample.value)
            ? new Date(Math.round(sample.value * 1000))
            : undefined;
        },
      };
    },
  };
}

/** The module registering it through `opsMetricSourcesExtensionPoint`. */
export function createThanosModule(sent: SentQuery[]) {
  return createBackendModule({
    pluginId: 'ops',
    moduleId: 'thanos-test',
    register(env) {
      env.registerInit({
        deps: { metricSources: opsMetricSourcesExtensionPoint },
        async init({ metricSources }) {
          metricSources.addMetricSourceType(thanosMetricSource(sent));
        },
      });
    },
  });
}
