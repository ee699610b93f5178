import { DemoModel } from '../model/model';
import { createSampler, Sampler } from '../model/sampler';
import { MetricFamily } from '../model/series';
import { tickOf } from '../model/time';
import { escapeHelp, sampleLines } from '../openmetrics/lines';

export interface Exposition {
  /**
   * Prometheus text format at `tMs`. For one service, `up` is left out:
   * Prometheus derives it from the scrape itself.
   */
  render(tMs: number, service?: string): string;
  hasService(service: string): boolean;
  isDown(service: string, tMs: number): boolean;
}

/** Keeps one sampler per series, so each scrape only sums the ticks since the last. */
export function createExposition(model: DemoModel): Exposition {
  const families = model.families.map(family => ({
    family,
    series: family.series.map(series => ({
      series,
      sampler: createSampler(series, model.options.originMs) as Sampler,
    })),
  }));
  const services = new Map(model.services.map(s => [s.spec.service, s]));

  return {
    render(tMs, service) {
      let out = '';
      for (const { family, series } of families) {
        if (service && family.name === 'up') continue;
        let body = '';
        for (const s of series) {
          if (service && s.series.labels.service !== service) continue;
          const values = s.sampler.sampleAt(tMs);
          if (values) body += sampleLines(family, s.series.labels, values, '');
        }
        if (body) out += familyHeader(family) + body;
      }
      return out;
    },
    hasService: service => services.has(service),
    isDown: (service, tMs) =>
      services.get(service)?.isDown(tickOf(tMs)) ?? false,
  };
}

function familyHeader(family: MetricFamily): string {
  return `# HELP ${family.name} ${escapeHelp(family.help)}\n# TYPE ${
    family.name
  } ${family.type}\n`;
}
