import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_ASSUMPTIONS } from '@unyo/plugin-ops-common';

/** One assumed field: its path as written and the entity's value there. */
export interface AssumedField {
  path: string;
  value: unknown;
}

/**
 * The fields `unyo.dev/assumptions` lists (comma separated paths such as
 * `spec.rpo` or `spec.targets[0].schedule`), with their values.
 */
export function assumedFields(entity: Entity): AssumedField[] {
  const text = entity.metadata.annotations?.[ANNOTATION_ASSUMPTIONS] ?? '';
  return text
    .split(',')
    .map(p => p.trim())
    .filter(Boolean)
    .map(path => ({ path, value: valueAt(entity, path) }));
}

function valueAt(root: unknown, path: string): unknown {
  let value: any = root;
  for (const step of path.split(/\.|\[(\d+)\]/).filter(s => s)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[step];
  }
  return value;
}
