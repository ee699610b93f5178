import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ModelOptions } from '../model/service';

/**
 * The anchor file ties the live exporter to the generated history: the same
 * anchor places the incidents, the same origin starts the counters, and the
 * same seed gives the same noise.
 */
export async function writeAnchor(
  path: string,
  options: ModelOptions,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const body = { ...options, anchor: new Date(options.anchorMs).toISOString() };
  await writeFile(path, `${JSON.stringify(body, null, 2)}\n`);
}

export async function readAnchor(path: string): Promise<ModelOptions> {
  let raw: any;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new Error(
      `cannot read the anchor file ${path} (${
        (e as Error).message
      }); run \`generate\` first`,
    );
  }
  for (const key of ['anchorMs', 'originMs', 'seed']) {
    if (typeof raw[key] !== 'number') {
      throw new Error(`anchor file ${path}: ${key} is missing`);
    }
  }
  return { anchorMs: raw.anchorMs, originMs: raw.originMs, seed: raw.seed };
}
