import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { loadThroughCatalog } from '../__testUtils__/openSloSchemaTests';

// `unyo import-slos` (packages/cli) on the Sloth and Pyrra example files
// kept there: everything it writes must load through the catalog as this
// module loads it (the catalog's entity policies, then the processor's
// OpenSLO validation and relations). The importer runs in a process of its
// own, as the command does, so this package does not depend on the CLI.
const repoRoot = path.resolve(__dirname, '../../../..');
const cliSource = path.join(repoRoot, 'packages/cli/src');

const script = `
const fs = require('node:fs');
const path = require('node:path');
const { importSlos } = require(${JSON.stringify(
  path.join(cliSource, 'slos/importSlos.ts'),
)});
const { slosToYaml } = require(${JSON.stringify(
  path.join(cliSource, 'slos/toYaml.ts'),
)});
const root = ${JSON.stringify(path.join(cliSource, '__fixtures__'))};
const walk = dir => fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
  e.isDirectory() ? walk(path.join(dir, e.name))
    : /\\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []);
const out = {};
for (const file of [...walk(path.join(root, 'sloth')), ...walk(path.join(root, 'pyrra'))]) {
  const result = importSlos(fs.readFileSync(file, 'utf8'), { source: path.basename(file) });
  out[path.relative(root, file)] = slosToYaml(result.slos);
}
process.stdout.write(JSON.stringify(out));
`;

describe('SLOs imported from Sloth and Pyrra by unyo import-slos', () => {
  it('all load through the catalog, each related to the entity it measures', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', 'tsx/cjs', '-e', script],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
    );
    const outputs: Record<string, string> = JSON.parse(stdout);
    const failures: string[] = [];
    let loaded = 0;
    for (const [file, yaml] of Object.entries(outputs)) {
      for (const doc of parseAllDocuments(yaml)) {
        const outcome = await loadThroughCatalog(doc.toString());
        const name = doc.toJS()?.metadata?.name;
        if (!outcome.entity || outcome.errors.length) {
          failures.push(`${file} ${name}: ${outcome.errors.join('; ')}`);
          continue;
        }
        loaded += 1;
        expect(outcome.relations[0]).toMatch(
          new RegExp(`^slo:default/${name} measures component:default/`),
        );
      }
    }
    // eslint-disable-next-line no-console
    console.log(
      `import-slos output: ${loaded} SLOs from ${
        Object.keys(outputs).length
      } Sloth and Pyrra files loaded through the catalog`,
    );
    expect(failures).toEqual([]);
    // 24 from Sloth's examples, 27 from Pyrra's (see packages/cli's tests)
    expect(loaded).toBe(51);
  }, 120_000);
});
