import { once } from 'node:events';
import { Writable } from 'node:stream';
import { DemoModel } from '../model/model';
import { createSampler } from '../model/sampler';
import { MetricFamily } from '../model/series';
import { escapeHelp, sampleLines, seriesWidth } from './lines';

const CHUNK_CHARS = 1 << 16;

export interface HistoryStats {
  series: number;
  samples: number;
}

/**
 * Streams the model's history at the given instants as OpenMetrics text, the
 * input of `promtool tsdb create-blocks-from openmetrics`. OpenMetrics wants
 * each family's lines together and each series' points in time order, so the
 * loop runs family, series, then time; only a small chunk is held in memory.
 */
export async function writeHistory(
  model: DemoModel,
  times: number[],
  out: Writable,
): Promise<HistoryStats> {
  let chunk = '';
  const flush = async () => {
    if (chunk && !out.write(chunk)) await once(out, 'drain');
    chunk = '';
  };
  const stats: HistoryStats = { series: 0, samples: 0 };

  for (const family of model.families) {
    chunk += familyHeader(family);
    for (const series of family.series) {
      const sampler = createSampler(series, model.options.originMs);
      let written = false;
      for (const t of times) {
        const values = sampler.sampleAt(t);
        if (!values) continue;
        chunk += sampleLines(family, series.labels, values, ` ${t / 1000}`);
        stats.samples += values.length;
        written = true;
        if (chunk.length > CHUNK_CHARS) await flush();
      }
      if (written) stats.series += seriesWidth(family);
    }
  }
  chunk += '# EOF\n';
  await flush();
  return stats;
}

function familyHeader(family: MetricFamily): string {
  // An OpenMetrics counter family is named without `_total`; a counter not
  // named so can only be declared `unknown` (the samples are the same).
  let name = family.name;
  let type: string = family.type;
  if (type === 'counter') {
    if (name.endsWith('_total')) name = name.slice(0, -'_total'.length);
    else type = 'unknown';
  }
  return `# TYPE ${name} ${type}\n# HELP ${name} ${escapeHelp(family.help)}\n`;
}
