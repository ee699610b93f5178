import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';

const repoRoot = path.resolve(__dirname, '../../../..');

/**
 * Runs `unyo import-slos <file> --service component:default/<measured>` as
 * a command on one of the CLI's fixtures (`packages/cli/src/__fixtures__/<tool>`)
 * and parses the entities it prints.
 */
export async function importSlosCommand(
  tool: 'pyrra' | 'sloth',
  file: string,
  measured: string,
): Promise<Entity[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    path.join(repoRoot, 'packages/cli/bin/unyo'),
    'import-slos',
    path.join(repoRoot, 'packages/cli/src/__fixtures__', tool, file),
    '--service',
    `component:default/${measured}`,
  ]);
  return parseAllDocuments(stdout).map(d => d.toJS() as Entity);
}

/** A production service component measured by the given SLOs. */
export function componentMeasuredBy(name: string, slos: Entity[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/sre',
      lifecycle: 'production',
    },
    relations: slos.map(s => ({
      type: 'measuredBy',
      targetRef: `slo:default/${s.metadata.name}`,
    })),
  };
}
