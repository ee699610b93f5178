import { NotificationsConfig } from '../config/notifications';
import { ProbeResult } from '../health/types';
import { notificationTexts } from './messages';
import { OwnerNotifier } from './OwnerNotifier';
import { SubjectTracker } from './SubjectTracker';
import { entityPage, NOTIFICATION_TOPICS } from './topics';

/** Down, not yet for long enough to notify. */
const DOWN = 'down';
/** Down for longer than `health.outageMinutes`: notified. */
const OUTAGE = 'outage';
const UP = 'up';

/** One probe result for one entity that lists the URL. */
export interface EntityProbe {
  entityRef: string;
  result: ProbeResult;
}

/**
 * Notifies the owners of entities whose health URL has been down longer
 * than `ops.notifications.health.outageMinutes`, counted from the first
 * round that found it down, and when it is up again after that.
 */
export async function notifyHealthRound(options: {
  probes: EntityProbe[];
  tracker: SubjectTracker;
  notifier: OwnerNotifier;
  config: NotificationsConfig;
  now: Date;
}): Promise<number> {
  const { probes, tracker, notifier, config, now } = options;
  if (!config.kinds.health) return 0;
  const subjectOf = (p: EntityProbe) => `health:${p.entityRef}#${p.result.url}`;
  const bySubject = new Map(probes.map(p => [subjectOf(p), p]));
  const recorded = await tracker.recorded([...bySubject.keys()]);
  const outageMs = config.healthOutageMinutes * 60_000;
  const observed = [...bySubject].map(([subject, probe]) => {
    const before = recorded.get(subject);
    let state = UP;
    if (probe.result.status === 'down') {
      if (before?.state === OUTAGE) state = OUTAGE;
      else if (
        before?.state === DOWN &&
        now.getTime() - before.since.getTime() >= outageMs
      )
        state = OUTAGE;
      else state = DOWN;
    }
    return { subject, state };
  });
  const moves = await tracker.move(observed, now, recorded);
  let sent = 0;
  for (const move of moves) {
    const { entityRef, result } = bySubject.get(move.subject)!;
    const outage = move.to === OUTAGE;
    const recovered = move.to === UP && move.from === OUTAGE;
    if (!outage && !recovered) continue;
    const text = outage
      ? notificationTexts.healthDown(config.locale, {
          entity: entityRef,
          url: result.url,
          minutes: config.healthOutageMinutes,
          message: result.message,
        })
      : notificationTexts.healthRecovered(config.locale, {
          entity: entityRef,
          url: result.url,
        });
    if (
      await notifier.notifyOwner([entityRef], {
        ...text,
        link: entityPage(entityRef, 'ops'),
        severity: outage ? 'critical' : 'normal',
        topic: NOTIFICATION_TOPICS.health,
      })
    )
      sent++;
  }
  return sent;
}
