import type { RunbookActionType } from '@unyo/plugin-ops-common';

/** Action types that act on one entity (its health URLs, its alerts). */
export const ENTITY_ACTION_TYPES: RunbookActionType[] = [
  'health-check',
  'alertmanager-silence',
];

/**
 * The entity an action runs for: the page the runbook was opened from, else
 * the only entity the runbook applies to; undefined means the dialog asks.
 */
export function defaultEntityRef(
  fromPage: string | undefined,
  appliesTo: string[],
): string | undefined {
  if (fromPage) return fromPage;
  return appliesTo.length === 1 ? appliesTo[0] : undefined;
}
