import type { Entity } from '@backstage/catalog-model';
import { RELATION_PROTECTED_BY } from '../kinds/constants';

/**
 * Resource types that hold data worth backing up: a resource of one of these
 * types counts in its system's backup coverage and shows the backups card
 * even without a policy, so that an unprotected store is visible.
 *
 * @public
 */
export const DATA_RESOURCE_TYPES: readonly string[] = [
  'database',
  's3-bucket',
  'bucket',
  'object-storage',
  'key-vault',
  'mail-store',
  'file-store',
];

/** Component types that hold data (a database run as a component). @public */
export const DATA_COMPONENT_TYPES: readonly string[] = ['database'];

/**
 * Whether a catalog entity holds data: a component or resource that a backup
 * policy protects, a resource of a data type, or a database component. The one
 * rule behind the backend's system coverage and the frontend's backups card
 * (docs/backups.md).
 *
 * @public
 */
export function holdsData(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind !== 'component' && kind !== 'resource') return false;
  if (entity.relations?.some(r => r.type === RELATION_PROTECTED_BY)) {
    return true;
  }
  const type = entity.spec?.type;
  if (typeof type !== 'string') return false;
  const types = kind === 'resource' ? DATA_RESOURCE_TYPES : DATA_COMPONENT_TYPES;
  return types.includes(type.toLocaleLowerCase('en-US'));
}
