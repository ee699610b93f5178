/**
 * Notification topics: the notifications settings page lists them under the
 * `ops` origin, and a user switches each one off there. Stable English
 * names, whatever `ops.notifications.locale` says, as settings are keyed by them.
 */
export const NOTIFICATION_TOPICS = {
  sloPolicy: 'SLO error budget',
  burnRate: 'SLO burn rate',
  backups: 'Backups',
  health: 'Health',
  runbooks: 'Runbook executions',
  sloDigests: 'SLO digests',
} as const;

/** The catalog page of an entity, optionally one of its tabs. */
export function entityPage(entityRef: string, tab?: string): string {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(entityRef);
  if (!match) return '/catalog';
  const [, kind, namespace, name] = match.map(encodeURIComponent);
  return `/catalog/${namespace}/${kind.toLowerCase()}/${name}${
    tab ? `/${tab}` : ''
  }`;
}
