import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import { stringify } from 'yaml';
import { OpsEntitiesProcessor } from '../processor/OpsEntitiesProcessor';

/** The fixture folder of the OpenSLO repository's own schema tests. */
export const schemaTestsDir = path.join(
  __dirname,
  '..',
  '__fixtures__',
  'openslo-schema-tests',
);

function filesUnder(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(e => {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) return filesUnder(file, suffix);
      return e.name.endsWith(suffix) ? [file] : [];
    })
    .sort();
}

/** Every v1 spec file, as `sli/great.yaml` (relative to `spec-files-v1/`). */
export function specFiles(): string[] {
  const root = path.join(schemaTestsDir, 'spec-files-v1');
  return filesUnder(root, '.yaml').map(f => path.relative(root, f));
}

export function readSpecFile(file: string): string {
  return fs.readFileSync(
    path.join(schemaTestsDir, 'spec-files-v1', file),
    'utf8',
  );
}

/**
 * The upstream OpenSLO v1 JSON schema as a yes/no oracle: whether OpenSLO
 * itself accepts a document. Unyo's own validation never uses it.
 */
export function openSloSchemaOracle(): (document: unknown) => boolean {
  // strict off: the upstream schema has keywords ajv's strict mode rejects
  // (additionalItems without an items array).
  const ajv = new Ajv({ strict: false });
  for (const file of filesUnder(
    path.join(schemaTestsDir, 'schemas-v1'),
    '.json',
  )) {
    ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  const validate = ajv.getSchema(
    'https://openslo.com/schemas/v1/openslo.schema.json',
  )!;
  return document => validate(document) as boolean;
}

/** What the catalog made of one YAML document. */
export type CatalogOutcome = {
  entity?: Entity;
  relations: string[];
  errors: string[];
};

const location = { type: 'file', target: '/catalog/openslo.yaml' };

// The policies the catalog applies to every entity before its processors
// (plugin-catalog-backend's CatalogBuilder defaults).
const catalogPolicy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

/**
 * Runs YAML text through the catalog's own steps for a file location: its
 * YAML parser, its entity policies, then the processor's validation and
 * relations, as the processing loop does. Errors are the messages the
 * catalog would store on the entity.
 */
export async function loadThroughCatalog(
  text: string,
): Promise<CatalogOutcome> {
  const processor = new OpsEntitiesProcessor();
  const outcome: CatalogOutcome = { relations: [], errors: [] };
  for (const result of parseEntityYaml(Buffer.from(text), location)) {
    if (result.type === 'error') {
      outcome.errors.push(result.error.message);
    } else if (result.type === 'entity') {
      outcome.entity = result.entity;
    }
  }
  if (!outcome.entity) {
    return outcome;
  }
  try {
    const entity = (await catalogPolicy.enforce(outcome.entity))!;
    if (!(await processor.validateEntityKind(entity))) {
      outcome.errors.push(
        `No processor recognized the entity ${stringifyEntityRef(entity)}`,
      );
      return outcome;
    }
    await processor.postProcessEntity(entity, location, result => {
      if (result.type !== 'relation') {
        throw new Error(`unexpected ${result.type}`);
      }
      const { source, type, target } = result.relation;
      outcome.relations.push(
        `${stringifyEntityRef(source)} ${type} ${stringifyEntityRef(target)}`,
      );
    });
    outcome.entity = entity;
  } catch (error) {
    outcome.errors.push((error as Error).message);
  }
  return outcome;
}

/** Loads a document given as a value (as a hostile variant is built). */
export function loadDocument(document: unknown): Promise<CatalogOutcome> {
  return loadThroughCatalog(stringify(document));
}
