import { DemoModel } from '../model/model';
import { instanceOf } from '../model/up';

export interface TargetGroup {
  targets: string[];
  labels: Record<string, string>;
}

/**
 * Prometheus HTTP service discovery: one target per service, all on this
 * exporter, with the labels the backfilled `up` series carry. `__param_service`
 * becomes the `?service=` query parameter of the scrape.
 */
export function scrapeTargets(
  model: DemoModel,
  address: string,
): TargetGroup[] {
  return model.services.map(({ spec }) => ({
    targets: [address],
    labels: {
      job: spec.service,
      instance: instanceOf(spec.service),
      service: spec.service,
      system: spec.system,
      __param_service: spec.service,
    },
  }));
}
