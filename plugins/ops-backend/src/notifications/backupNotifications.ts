import { BackupStatus } from '@unyo/plugin-ops-common';
import { NotificationsConfig } from '../config/notifications';
import { notificationTexts } from './messages';
import { OwnerNotifier } from './OwnerNotifier';
import { SubjectTracker } from './SubjectTracker';
import { entityPage, NOTIFICATION_TOPICS } from './topics';

const BAD = new Set(['breached', 'failing']);

/**
 * The state a target is tracked in: `ok` and `late` are both "fine" (late
 * warns on the page only), `unknown` (not read, source error) is not a
 * state change at all, so a flaky source does not notify twice.
 */
function tracked(status: BackupStatus): string | undefined {
  if (BAD.has(status.status)) return status.status;
  if (status.status === 'ok' || status.status === 'late') return 'ok';
  return undefined;
}

/** Notifies the owners of backup targets that became breached or failing, and recovered. */
export async function notifyBackupRound(options: {
  statuses: BackupStatus[];
  tracker: SubjectTracker;
  notifier: OwnerNotifier;
  config: NotificationsConfig;
  now: Date;
}): Promise<number> {
  const { statuses, tracker, notifier, config, now } = options;
  if (!config.kinds.backups) return 0;
  const subjectOf = (s: BackupStatus) => `backup:${s.policyRef}#${s.target}`;
  const bySubject = new Map(statuses.map(s => [subjectOf(s), s]));
  const moves = await tracker.move(
    statuses.flatMap(s => {
      const state = tracked(s);
      return state ? [{ subject: subjectOf(s), state }] : [];
    }),
    now,
  );
  let sent = 0;
  for (const move of moves) {
    const status = bySubject.get(move.subject)!;
    const bad = BAD.has(move.to);
    const recovered = move.to === 'ok' && BAD.has(move.from ?? 'ok');
    if (!bad && !recovered) continue;
    const names = { target: status.target, policy: status.policyRef };
    const text = bad
      ? notificationTexts.backupBad(config.locale, {
          ...names,
          state: move.to,
          message: status.message,
        })
      : notificationTexts.backupRecovered(config.locale, names);
    // The page of what the backups protect shows them; else the policy's.
    const page = status.protects[0]
      ? entityPage(status.protects[0], 'ops')
      : entityPage(status.policyRef);
    if (
      await notifier.notifyOwner([status.policyRef, ...status.protects], {
        ...text,
        link: page,
        severity: bad ? 'high' : 'normal',
        topic: NOTIFICATION_TOPICS.backups,
      })
    )
      sent++;
  }
  return sent;
}
