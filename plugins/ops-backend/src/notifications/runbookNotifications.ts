import { Execution } from '@unyo/plugin-ops-common';
import { NotificationsConfig } from '../config/notifications';
import { notificationTexts } from './messages';
import { OwnerNotifier } from './OwnerNotifier';
import { entityPage, NOTIFICATION_TOPICS } from './topics';

/**
 * Tells the user who started an execution how it ended. An execution
 * finishes once (the store's conditional finish), so this needs no state.
 */
export async function notifyExecutionFinished(options: {
  execution: Execution;
  notifier: OwnerNotifier;
  config: NotificationsConfig;
}): Promise<boolean> {
  const { execution, notifier, config } = options;
  if (!config.kinds.runbooks || !execution.actor.startsWith('user:')) {
    return false;
  }
  const text = notificationTexts.runbookFinished(config.locale, {
    action: execution.actionId,
    runbook: execution.runbookRef,
    status: execution.status,
    summary: execution.output?.summary,
  });
  await notifier.notifyUser(execution.actor, {
    ...text,
    link: entityPage(execution.runbookRef),
    severity: execution.status === 'succeeded' ? 'normal' : 'high',
    topic: NOTIFICATION_TOPICS.runbooks,
  });
  return true;
}
