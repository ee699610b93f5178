import { Entity, makeValidator } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { isSloEntity, SloEntity } from '../kinds/SloEntity';
import type { OpsValidationError } from './types';
import { validateOpsEntity } from './validateOpsEntity';

/**
 * A draft SLO read by {@link parseSloDraft}: the document, or every problem
 * with it, each naming its field.
 *
 * @public
 */
export type SloDraftResult =
  | { valid: true; slo: SloEntity }
  | { valid: false; errors: OpsValidationError[] };

const validators = makeValidator();

function refused(path: string, message: string): SloDraftResult {
  return { valid: false, errors: [{ path, message: `${path} ${message}` }] };
}

/**
 * Reads one OpenSLO SLO document written as YAML or JSON (JSON is YAML) for
 * a preview: the same validation as the catalog module's
 * ({@link validateOpsEntity}), plus what the catalog would check of the
 * envelope (a valid `metadata.name`) and what a document outside the catalog
 * needs: its SLI inline, as there is no catalog SLI to resolve a reference
 * against.
 *
 * @public
 */
export function parseSloDraft(text: string): SloDraftResult {
  const documents = parseAllDocuments(text);
  const problem = documents.flatMap(d => d.errors)[0];
  if (problem) {
    return refused('document', `is not valid YAML or JSON: ${problem.message}`);
  }
  let values: unknown[];
  try {
    values = documents
      .map(d => d.toJS({ maxAliasCount: 50 }) as unknown)
      .filter(v => v !== null && v !== undefined);
  } catch (e) {
    // Aliases expanding past the limit: a resource exhaustion attempt.
    return refused('document', `cannot be read: ${(e as Error).message}`);
  }
  if (values.length !== 1) {
    return refused(
      'document',
      `must hold exactly one SLO document, not ${values.length}`,
    );
  }
  const value = values[0];
  if (typeof value !== 'object' || Array.isArray(value)) {
    return refused('document', 'must be an object (an OpenSLO SLO document)');
  }
  const entity = value as Entity;
  const metadata = entity.metadata as Entity['metadata'] | undefined;
  if (typeof metadata !== 'object' || metadata === null) {
    return refused('metadata', 'must be an object with a name');
  }
  if (!validators.isValidEntityName(metadata.name)) {
    return refused(
      'metadata.name',
      'must be an entity name: letters, digits, "-", "_" and "." up to 63 characters',
    );
  }
  if (
    metadata.namespace !== undefined &&
    !validators.isValidNamespace(metadata.namespace)
  ) {
    return refused('metadata.namespace', 'must be a valid namespace name');
  }
  if (entity.kind !== 'SLO') {
    return refused('kind', `must be SLO, not ${String(entity.kind)}`);
  }
  const result = validateOpsEntity(entity);
  if (!result.valid) return result;
  if (!isSloEntity(entity)) {
    return refused('apiVersion', 'must be openslo/v1');
  }
  const objective = entity.spec.objectives[0];
  const inline = objective?.indicator ?? entity.spec.indicator;
  const ref = objective?.indicatorRef
    ? 'spec.objectives[0].indicatorRef'
    : 'spec.indicatorRef';
  if (!inline && (objective?.indicatorRef ?? entity.spec.indicatorRef)) {
    return refused(
      ref,
      'names a catalog SLI: a preview needs the SLI inline (spec.indicator with its spec)',
    );
  }
  return { valid: true, slo: entity };
}
