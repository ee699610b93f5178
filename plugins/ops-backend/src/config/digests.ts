import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** One digest schedule: whether it runs and when (a cron expression, UTC). */
export interface DigestSchedule {
  enabled: boolean;
  cron: string;
}

/** `ops.notifications.digests`. */
export interface DigestsConfig {
  /** To each group owning SLOs, about the week before the run. */
  weekly: DigestSchedule;
  /** To `recipients` (manager groups), about the month before the run. */
  monthly: DigestSchedule & { recipients: string[] };
  /** How many SLOs a digest lists as top burners. */
  topBurners: number;
}

const KEY = 'ops.notifications.digests';

/**
 * Reads `ops.notifications.digests`: weekly on Monday 08:00 UTC; monthly on
 * the 1st at 08:00 UTC, sent only when recipients are set; 3 top burners.
 * Nothing is sent when notifications are off.
 */
export function readDigestsConfig(
  config: Config | undefined,
  notificationsEnabled: boolean,
): DigestsConfig {
  const recipients = (
    config?.getOptionalStringArray('monthly.recipients') ?? []
  ).map(ref => {
    try {
      return stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'group' }));
    } catch {
      throw new InputError(
        `${KEY}.monthly.recipients must hold entity refs of groups; got "${ref}"`,
      );
    }
  });
  const topBurners = config?.getOptionalNumber('topBurners') ?? 3;
  if (!Number.isInteger(topBurners) || topBurners < 0) {
    throw new InputError(
      `${KEY}.topBurners must be a whole number, 0 or more; got ${topBurners}`,
    );
  }
  const on = (key: string) =>
    notificationsEnabled && (config?.getOptionalBoolean(key) ?? true);
  return {
    weekly: {
      enabled: on('weekly.enabled'),
      cron: config?.getOptionalString('weekly.cron') ?? '0 8 * * 1',
    },
    monthly: {
      enabled: on('monthly.enabled') && recipients.length > 0,
      cron: config?.getOptionalString('monthly.cron') ?? '0 8 1 * *',
      recipients,
    },
    topBurners,
  };
}
