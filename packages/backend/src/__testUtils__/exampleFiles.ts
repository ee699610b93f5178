import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';

// Reading the example catalog and the manuals it is built from, for the
// tests that check one against the other (manualFacts*.test.ts). The five
// manuals are committed in examples/manuals (examples/manuals/README.md
// gives their provenance).

/** The repository root. */
export const repo = path.resolve(__dirname, '../../../..');
const seedsDir = path.join(repo, 'examples/manuals');

/** The text of the manual whose file name starts with `prefix` (e.g. `001_`). */
export function manual(prefix: string): string {
  const file = fs.readdirSync(seedsDir).find(f => f.startsWith(prefix));
  return fs.readFileSync(path.join(seedsDir, file!), 'utf8');
}

/** The YAML documents of a file of the repository. */
export function yamlDocs(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(path.join(repo, file), 'utf8'))
    .map(d => d.toJSON())
    .filter(Boolean);
}

/** The entity named `name` in a catalog file. */
export function entity(file: string, name: string): any {
  return yamlDocs(file).find(d => d.metadata?.name === name);
}

/** The alert rules of a rule file of examples/prometheus. */
export function exampleRules(file: string): any[] {
  return yamlDocs(`examples/prometheus/${file}`).flatMap(doc =>
    doc.groups.flatMap((g: any) => g.rules),
  );
}
