import type { Entity } from '@backstage/catalog-model';

/** What {@link findRunbookRef} needs of a Runbook entity. @public */
export interface RunbookCandidate {
  /** `runbook:<namespace>/<name>`. */
  ref: string;
  alerts: string[];
  /** Full entity refs of `spec.appliesTo`. */
  appliesTo: string[];
}

const RUNBOOK_PATH = /\/catalog\/([^/?#]+)\/runbook\/([^/?#]+)\/?(?:[?#].*)?$/i;

/**
 * `runbook:<namespace>/<name>` when a `runbook_url` annotation points at a
 * runbook entity page (`/catalog/default/runbook/x`, relative or absolute).
 *
 * @public
 */
export function runbookRefFromUrl(url: string | undefined): string | undefined {
  const match = url ? RUNBOOK_PATH.exec(url.trim()) : null;
  if (!match) return undefined;
  const [namespace, name] = [match[1], match[2]].map(decodeURIComponent);
  return `runbook:${namespace.toLocaleLowerCase(
    'en-US',
  )}/${name.toLocaleLowerCase('en-US')}`;
}

/**
 * The Runbook that answers an alert on an entity: one that lists the
 * alertname in `spec.alerts` and applies to the entity, else the runbook the
 * alert's `runbook_url` points at when the catalog has it.
 *
 * @public
 */
export function findRunbookRef(options: {
  alertname: string;
  runbookUrl?: string;
  entityRef: string;
  runbooks: readonly RunbookCandidate[];
  /** Refs of Runbooks the catalog has, for `runbook_url`. */
  knownRunbooks: ReadonlySet<string>;
}): string | undefined {
  const { alertname, entityRef, runbooks } = options;
  const listed = runbooks.find(
    r => r.alerts.includes(alertname) && r.appliesTo.includes(entityRef),
  );
  if (listed) return listed.ref;
  const fromUrl = runbookRefFromUrl(options.runbookUrl);
  return fromUrl && options.knownRunbooks.has(fromUrl) ? fromUrl : undefined;
}

function fullRef(value: string, namespace: string): string {
  const ref = value.toLocaleLowerCase('en-US');
  if (ref.includes(':')) {
    return ref.includes('/') ? ref : ref.replace(':', `:${namespace}/`);
  }
  return ref.includes('/')
    ? `component:${ref}`
    : `component:${namespace}/${ref}`;
}

/** Reads a Runbook entity as a {@link RunbookCandidate}. @public */
export function toRunbookCandidate(entity: Entity): RunbookCandidate {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as { alerts?: unknown; appliesTo?: unknown };
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  return {
    ref: `runbook:${namespace}/${entity.metadata.name}`.toLocaleLowerCase(
      'en-US',
    ),
    alerts: strings(spec.alerts),
    appliesTo: strings(spec.appliesTo).map(r => fullRef(r, namespace)),
  };
}
