import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { DigestsConfig, readDigestsConfig } from './digests';

/** The kinds of owner notifications, each switchable (`ops.notifications.<kind>`). */
export const NOTIFICATION_KINDS = [
  'sloPolicy',
  'burnRate',
  'backups',
  'health',
  'runbooks',
] as const;

/** One kind of owner notification. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Languages notification texts are written in. */
export const NOTIFICATION_LOCALES = ['en', 'ja'] as const;

/** `ops.notifications`. */
export interface NotificationsConfig {
  /** Kinds switched on (all off when `enabled` is false). */
  kinds: Record<NotificationKind, boolean>;
  /** A health endpoint down this long is notified. */
  healthOutageMinutes: number;
  locale: (typeof NOTIFICATION_LOCALES)[number];
  /** `ops.notifications.digests`: weekly and monthly SLO digests. */
  digests: DigestsConfig;
}

const DEFAULT_HEALTH_OUTAGE_MINUTES = 5;

/** Reads `ops.notifications`: every kind on, English, 5 minutes unless set. */
export function readNotificationsConfig(
  config: Config | undefined,
): NotificationsConfig {
  const enabled = config?.getOptionalBoolean('enabled') ?? true;
  const kinds = Object.fromEntries(
    NOTIFICATION_KINDS.map(kind => [
      kind,
      enabled && (config?.getOptionalBoolean(`${kind}.enabled`) ?? true),
    ]),
  ) as Record<NotificationKind, boolean>;
  const minutes =
    config?.getOptionalNumber('health.outageMinutes') ??
    DEFAULT_HEALTH_OUTAGE_MINUTES;
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new InputError(
      `ops.notifications.health.outageMinutes must be a number of minutes, 0 or more; got ${minutes}`,
    );
  }
  const locale = config?.getOptionalString('locale') ?? 'en';
  if (!(NOTIFICATION_LOCALES as readonly string[]).includes(locale)) {
    throw new InputError(
      `ops.notifications.locale must be one of ${NOTIFICATION_LOCALES.join(
        ', ',
      )}; got "${locale}"`,
    );
  }
  return {
    kinds,
    healthOutageMinutes: minutes,
    locale: locale as NotificationsConfig['locale'],
    digests: readDigestsConfig(config?.getOptionalConfig('digests'), enabled),
  };
}
