/**
 * An alert's level and the response time the team set for it, from the
 * level set that applies to the alert's entity (app-config
 * `ops.alerts.levelSets`, docs/catalog-model.md).
 *
 * @public
 */
export interface AlertLevel {
  /** Stable id, e.g. `critical` or `P1`. */
  id: string;
  /** As the team names it, e.g. `Critical` or `P1 (Critical)`. */
  name: string;
  /** Respond within this many minutes (0: at once); null: no time set. */
  respondWithinMinutes: number | null;
  /** When and to whom the alert is escalated, as the team words it. */
  escalation?: string;
}

/**
 * One entry of a level set: the level of alerts whose labels equal every
 * `match` value.
 *
 * @public
 */
export interface AlertLevelRule extends AlertLevel {
  match: Record<string, string>;
}

/**
 * An ordered level set: the first rule that matches an alert's labels gives
 * its level.
 *
 * @public
 */
export type AlertLevelSet = readonly AlertLevelRule[];

/** The name of the level set used when neither entity nor config names one. @public */
export const DEFAULT_ALERT_LEVEL_SET_NAME = 'default';

/**
 * The built-in level set: Prometheus's usual `severity` values, with no
 * response time (a team sets its own in `ops.alerts.levelSets`).
 *
 * @public
 */
export const DEFAULT_ALERT_LEVEL_SET: AlertLevelSet = Object.freeze([
  {
    id: 'critical',
    name: 'Critical',
    respondWithinMinutes: null,
    match: { severity: 'critical' },
  },
  {
    id: 'warning',
    name: 'Warning',
    respondWithinMinutes: null,
    match: { severity: 'warning' },
  },
  {
    id: 'info',
    name: 'Info',
    respondWithinMinutes: null,
    match: { severity: 'info' },
  },
]);

/**
 * The level of an alert from its labels: the first rule of the set whose
 * `match` labels all equal the alert's. Undefined when none matches.
 *
 * @public
 */
export function alertLevel(
  labels: Record<string, string | undefined>,
  levelSet: AlertLevelSet = DEFAULT_ALERT_LEVEL_SET,
): AlertLevel | undefined {
  const rule = levelSet.find(r =>
    Object.entries(r.match).every(([name, value]) => labels[name] === value),
  );
  if (!rule) return undefined;
  const { match: _match, ...level } = rule;
  return level;
}
