import {
  DEFAULT_SLO_POLICY_THRESHOLDS,
  SloPolicy,
  sloPolicyFloor,
  SloStatus,
} from '@unyo/plugin-ops-common';
import { NotificationsConfig } from '../config/notifications';
import { notificationTexts } from './messages';
import { OwnerNotifier } from './OwnerNotifier';
import { SubjectTracker } from './SubjectTracker';
import { entityPage, NOTIFICATION_TOPICS } from './topics';

const QUIET = 'quiet';
const FIRING = 'firing';

/**
 * Notifies the owners of SLOs whose policy state got worse or came back to
 * the best one, and of SLOs whose page-level burn-rate alert started. An
 * SLO first seen is notified only if it is already past the best state.
 */
export async function notifySloRound(options: {
  statuses: SloStatus[];
  tracker: SubjectTracker;
  notifier: OwnerNotifier;
  config: NotificationsConfig;
  now: Date;
}): Promise<number> {
  const { statuses, tracker, notifier, config, now } = options;
  // Errors and SLOs without traffic say nothing about the budget: the last
  // state stands until a real one replaces it.
  const judged = statuses.filter(s => s.state === 'ok' && s.policy);
  const byRef = new Map(judged.map(s => [s.ref, s]));
  let sent = 0;

  if (config.kinds.sloPolicy) {
    const moves = await tracker.move(
      judged.map(s => ({ subject: `slo-policy:${s.ref}`, state: s.policy! })),
      now,
    );
    for (const move of moves) {
      const status = byRef.get(move.subject.slice('slo-policy:'.length))!;
      const thresholds = status.policySet ?? DEFAULT_SLO_POLICY_THRESHOLDS;
      const best = 'normal' satisfies SloPolicy;
      const floor = (p: string) => sloPolicyFloor(p as SloPolicy, thresholds);
      const from = move.from ?? best;
      const slo = status.title ?? status.ref;
      const worse = floor(move.to) < floor(from);
      const recovered = !worse && move.to === best && from !== best;
      if (!worse && !recovered) continue;
      // The state below every threshold is an exhausted budget.
      let severity: 'normal' | 'high' | 'critical' = 'normal';
      if (worse) severity = floor(move.to) === -Infinity ? 'critical' : 'high';
      const text = worse
        ? notificationTexts.sloWorse(config.locale, { slo, from, to: move.to })
        : notificationTexts.sloRecovered(config.locale, {
            slo,
            from,
            to: move.to,
          });
      if (
        await notifier.notifyOwner([status.ref, status.entityRef], {
          ...text,
          link: entityPage(status.entityRef, 'ops'),
          severity,
          topic: NOTIFICATION_TOPICS.sloPolicy,
        })
      )
        sent++;
    }
  }

  if (config.kinds.burnRate) {
    const paging = (s: SloStatus) =>
      s.burnRateAlerts?.find(a => a.severity === 'page' && a.firing);
    const moves = await tracker.move(
      judged.map(s => ({
        subject: `slo-burn:${s.ref}`,
        state: paging(s) ? FIRING : QUIET,
      })),
      now,
    );
    for (const move of moves) {
      if (move.to !== FIRING) continue;
      const status = byRef.get(move.subject.slice('slo-burn:'.length))!;
      const alert = paging(status)!;
      const text = notificationTexts.burnRate(config.locale, {
        slo: status.title ?? status.ref,
        factor: String(Math.round(alert.factor * 10) / 10),
      });
      if (
        await notifier.notifyOwner([status.ref, status.entityRef], {
          ...text,
          link: entityPage(status.entityRef, 'ops'),
          severity: 'critical',
          topic: NOTIFICATION_TOPICS.burnRate,
        })
      )
        sent++;
    }
  }
  return sent;
}
