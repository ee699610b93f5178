import { ServiceModel } from './service';
import { MetricFamily } from './series';

/** The `instance` label of a service's target, shared by backfill and scrape config. */
export function instanceOf(service: string): string {
  return `${service}:8080`;
}

export function upFamily(model: ServiceModel): MetricFamily {
  const { service } = model.spec;
  return {
    name: 'up',
    type: 'gauge',
    help: 'Whether the target was scraped successfully',
    series: [
      {
        kind: 'gauge',
        labels: {
          job: service,
          instance: instanceOf(service),
          ...model.baseLabels,
        },
        // Unlike the service's own series, `up` exists while it is down.
        presentAt: () => true,
        valueAt: tick => (model.isDown(tick) ? 0 : 1),
      },
    ],
  };
}
