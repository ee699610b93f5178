import { hashKey, white } from './noise';
import { ServiceModel } from './service';
import { MetricFamily, Series } from './series';

/** Service-specific gauges and counters from the `extra` list. */
export function extraFamilies(model: ServiceModel): MetricFamily[] {
  return model.spec.extra.map(extra => {
    const key = hashKey(
      model.options.seed,
      `${model.spec.service}/${extra.name}`,
    );
    const level = (tick: number) => {
      const named = model.conditionAt(tick).metrics.has(extra.name);
      const base =
        named && extra.incidentValue !== undefined
          ? extra.incidentValue
          : extra.value;
      return Math.max(0, base * (1 + extra.jitter * white(key, tick)));
    };
    const labels = { ...model.baseLabels, ...extra.labels };
    const presentAt = (tick: number) => !model.isDown(tick);
    const series: Series =
      extra.type === 'gauge'
        ? { kind: 'gauge', labels, presentAt, valueAt: level }
        : {
            kind: 'cumulative',
            labels,
            presentAt,
            // A stopped service counts nothing, like its requests.
            ratesAt: tick =>
              tick < model.originTick || model.isDown(tick)
                ? [0]
                : [level(tick)],
          };
    return {
      name: extra.name,
      type: extra.type,
      help: extra.help,
      series: [series],
    };
  });
}
