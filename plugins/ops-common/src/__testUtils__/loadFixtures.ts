import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';

const fixturesDir = path.join(__dirname, 'fixtures');

export const fixtureFiles = fs
  .readdirSync(fixturesDir)
  .filter(file => file.endsWith('.yaml'));

/** The documents of a fixture file, as the catalog would read them. */
export function loadFixture(file: string): Entity[] {
  const text = fs.readFileSync(path.join(fixturesDir, file), 'utf8');
  return parseAllDocuments(text).map(doc => doc.toJS() as Entity);
}

/** The first document of `kind` in a fixture file, deep-copied for editing. */
export function fixtureOf(file: string, kind: string): any {
  const entity = loadFixture(file).find(e => e.kind === kind);
  if (!entity) {
    throw new Error(`no ${kind} in ${file}`);
  }
  return structuredClone(entity);
}
