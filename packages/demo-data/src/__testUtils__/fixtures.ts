import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createModel, DemoModel } from '../model/model';
import { parseMetricsFile } from '../model/parseMetricsFile';
import { Series } from '../model/series';
import { DAY_MS } from '../model/time';

export const FIXTURES = resolve(__dirname, '../../test/fixtures');

/** A fixed anchor on the minute grid, so the tests never depend on the clock. */
export const ANCHOR_MS = Date.UTC(2025, 0, 31, 12, 0, 0);

export function fixtureModel(
  file = 'metrics.yaml',
  overrides: { anchorMs?: number; days?: number; seed?: number } = {},
): DemoModel {
  const anchorMs = overrides.anchorMs ?? ANCHOR_MS;
  return createModel(
    parseMetricsFile(readFileSync(resolve(FIXTURES, file), 'utf8')),
    {
      anchorMs,
      originMs: anchorMs - (overrides.days ?? 30) * DAY_MS,
      seed: overrides.seed ?? 1,
    },
  );
}

export function findSeries(
  model: DemoModel,
  name: string,
  labels: Record<string, string>,
): Series[] {
  const family = model.families.find(f => f.name === name);
  if (!family) throw new Error(`no family ${name}`);
  return family.series.filter(s =>
    Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}
