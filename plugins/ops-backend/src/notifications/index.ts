export { DefaultOpsNotifications } from './OpsNotifications';
export type { OpsNotifications } from './OpsNotifications';
export type { OwnerNotifier, OpsNotificationPayload } from './OwnerNotifier';
export type { EntityProbe } from './healthNotifications';
export { NOTIFICATION_TOPICS, entityPage } from './topics';
