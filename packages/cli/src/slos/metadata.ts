import type { FieldNote } from './types';
import { at } from './fields';

// Backstage's rules for metadata (KubernetesValidatorFunctions): the
// catalog refuses an entity whose name, label key or label value breaks them.
const OBJECT_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isValidObjectName(name: string): boolean {
  return name.length >= 1 && name.length <= 63 && OBJECT_NAME.test(name);
}

function isValidLabelKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length === 1) return isValidObjectName(key);
  if (parts.length !== 2) return false;
  const [prefix, name] = parts;
  return (
    prefix.length <= 253 &&
    DNS_SUBDOMAIN.test(prefix) &&
    isValidObjectName(name)
  );
}

/**
 * Labels the catalog accepts, and a note for each one it would refuse
 * (Sloth's `repo: myorg/myservice`, say). Scalars become strings.
 */
export function catalogLabels(
  labels: Record<string, unknown>,
  path: (key: string) => string,
): { labels: Record<string, string>; notes: FieldNote[] } {
  const kept: Record<string, string> = {};
  const notes: FieldNote[] = [];
  for (const [key, raw] of Object.entries(labels)) {
    if (!['string', 'number', 'boolean'].includes(typeof raw)) {
      notes.push({ field: path(key), reason: 'is not a single value' });
      continue;
    }
    const value = String(raw);
    if (!isValidLabelKey(key)) {
      notes.push({
        field: path(key),
        reason: `"${key}" is not a catalog label key`,
      });
    } else if (value !== '' && !isValidObjectName(value)) {
      notes.push({
        field: path(key),
        reason: `"${value.slice(
          0,
          80,
        )}" is not a catalog label value (letters, digits, - _ ., at most 63)`,
      });
    } else {
      kept[key] = value;
    }
  }
  return { labels: kept, notes };
}

/** Joins a label path for notes: `labels.repo`. */
export const labelPath = (base: string) => (key: string) => at(base, key);
