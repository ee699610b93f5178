import { extraFamilies } from './extras';
import { grpcFamilies } from './grpc';
import { httpFamilies } from './http';
import { ModelOptions, ServiceModel } from './service';
import { MetricFamily } from './series';
import { MetricsFile } from './types';
import { upFamily } from './up';

export interface DemoModel {
  options: ModelOptions;
  services: ServiceModel[];
  /** One entry per metric name, series of all services merged. */
  families: MetricFamily[];
}

/** Builds the series of every service in metrics.yaml. */
export function createModel(
  file: MetricsFile,
  options: ModelOptions,
): DemoModel {
  const services = file.services.map(spec => new ServiceModel(spec, options));
  const byName = new Map<string, MetricFamily>();
  for (const model of services) {
    const { families } = model.spec;
    const own = [
      ...(families.includes('http') ? httpFamilies(model) : []),
      ...(families.includes('grpc') ? grpcFamilies(model) : []),
      ...(families.includes('up') ? [upFamily(model)] : []),
      ...extraFamilies(model),
    ];
    for (const family of own) {
      const known = byName.get(family.name);
      if (!known) {
        byName.set(family.name, { ...family, series: [...family.series] });
      } else if (known.type !== family.type) {
        throw new Error(
          `metric ${family.name} is both a ${known.type} and a ${family.type}`,
        );
      } else {
        known.series.push(...family.series);
      }
    }
  }
  return { options, services, families: [...byName.values()] };
}
