import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  AlertLevelSet,
  DEFAULT_ALERT_LEVEL_SET,
  DEFAULT_ALERT_LEVEL_SET_NAME,
} from '@unyo/plugin-ops-common';

/** `ops.alerts`, validated; the built-in set is `default` unless config redefines it. */
export interface AlertLevelsConfig {
  levelSets: Record<string, AlertLevelSet>;
  defaultLevelSet: string;
  /** `ops.alerts.mttrTargetMinutes`: undefined when none is set. */
  mttrTargetMinutes?: number;
}

function readLevel(entry: Config, at: string) {
  const minutes = entry.getOptional('respondWithinMinutes');
  if (
    minutes !== undefined &&
    minutes !== null &&
    !(typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0)
  ) {
    throw new InputError(
      `${at}.respondWithinMinutes must be a number of minutes (0 or more) or null`,
    );
  }
  const match = entry.getOptionalConfig('match');
  const labels = Object.fromEntries(
    (match?.keys() ?? []).map(name => [name, match!.getString(name)]),
  );
  if (Object.keys(labels).length === 0) {
    throw new InputError(
      `${at}.match must name at least one label, e.g. { severity: critical }`,
    );
  }
  const escalation = entry.getOptionalString('escalation');
  return {
    id: entry.getString('id'),
    name: entry.getString('name'),
    respondWithinMinutes: (minutes as number | undefined) ?? null,
    ...(escalation && { escalation }),
    match: labels,
  };
}

/** Reads `ops.alerts.levelSets` and `ops.alerts.defaultLevelSet`. */
export function readAlertLevels(alerts: Config | undefined): AlertLevelsConfig {
  const sets = alerts?.getOptionalConfig('levelSets');
  const levelSets: Record<string, AlertLevelSet> = {
    [DEFAULT_ALERT_LEVEL_SET_NAME]: DEFAULT_ALERT_LEVEL_SET,
  };
  for (const name of sets?.keys() ?? []) {
    const at = `ops.alerts.levelSets.${name}`;
    levelSets[name] = sets!
      .getConfigArray(name)
      .map((entry, i) => readLevel(entry, `${at}[${i}]`));
  }
  const defaultLevelSet =
    alerts?.getOptionalString('defaultLevelSet') ??
    DEFAULT_ALERT_LEVEL_SET_NAME;
  if (!Object.prototype.hasOwnProperty.call(levelSets, defaultLevelSet)) {
    throw new InputError(
      `ops.alerts.defaultLevelSet "${defaultLevelSet}" is not a key of ops.alerts.levelSets`,
    );
  }
  const mttrTargetMinutes = alerts?.getOptional('mttrTargetMinutes');
  if (
    mttrTargetMinutes !== undefined &&
    !(
      typeof mttrTargetMinutes === 'number' &&
      Number.isFinite(mttrTargetMinutes) &&
      mttrTargetMinutes > 0
    )
  ) {
    throw new InputError(
      'ops.alerts.mttrTargetMinutes must be a number of minutes above 0',
    );
  }
  return { levelSets, defaultLevelSet, mttrTargetMinutes };
}
