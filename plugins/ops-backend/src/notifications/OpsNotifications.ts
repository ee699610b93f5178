import {
  AuthService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { BackupStatus, Execution, SloStatus } from '@unyo/plugin-ops-common';
import { NotificationsConfig } from '../config/notifications';
import { notifyBackupRound } from './backupNotifications';
import { DatabaseTransitionStore } from './DatabaseTransitionStore';
import { EntityProbe, notifyHealthRound } from './healthNotifications';
import { CatalogOwnerNotifier, OwnerNotifier } from './OwnerNotifier';
import { notifyExecutionFinished } from './runbookNotifications';
import { notifySloRound } from './sloNotifications';
import { SubjectTracker } from './SubjectTracker';
import { TransitionStore } from './TransitionStore';

/**
 * What the feature rounds tell about: each call records the states it is
 * given and notifies the transitions this replica claimed. A failure is
 * logged, never thrown: a notification must not fail an evaluation round.
 */
export interface OpsNotifications {
  /** Sends to owners and users; for other notifications (a digest). */
  readonly notifier: OwnerNotifier;
  sloRound(statuses: SloStatus[]): Promise<void>;
  backupRound(statuses: BackupStatus[]): Promise<void>;
  healthRound(probes: EntityProbe[]): Promise<void>;
  executionFinished(execution: Execution): Promise<void>;
}

/** {@link OpsNotifications} over the plugin's database and the notification service. */
export class DefaultOpsNotifications implements OpsNotifications {
  static async create(options: {
    config: NotificationsConfig;
    database: DatabaseService;
    catalog: CatalogService;
    auth: AuthService;
    notifications: NotificationService;
    logger: LoggerService;
    now?: () => Date;
  }): Promise<DefaultOpsNotifications> {
    const { catalog, auth, notifications, logger } = options;
    return new DefaultOpsNotifications({
      config: options.config,
      store: await DatabaseTransitionStore.create(options),
      notifier: new CatalogOwnerNotifier({
        catalog,
        auth,
        notifications,
        logger,
      }),
      logger,
      now: options.now,
    });
  }

  readonly notifier: OwnerNotifier;
  private readonly tracker: SubjectTracker;

  constructor(
    private readonly options: {
      config: NotificationsConfig;
      store: TransitionStore;
      notifier: OwnerNotifier;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.notifier = options.notifier;
    this.tracker = new SubjectTracker(options.store);
  }

  async sloRound(statuses: SloStatus[]): Promise<void> {
    await this.guard('SLO', () =>
      notifySloRound({ ...this.round(), statuses }),
    );
  }

  async backupRound(statuses: BackupStatus[]): Promise<void> {
    await this.guard('backup', () =>
      notifyBackupRound({ ...this.round(), statuses }),
    );
  }

  async healthRound(probes: EntityProbe[]): Promise<void> {
    await this.guard('health', () =>
      notifyHealthRound({ ...this.round(), probes }),
    );
  }

  async executionFinished(execution: Execution): Promise<void> {
    await this.guard('runbook', () =>
      notifyExecutionFinished({
        execution,
        notifier: this.options.notifier,
        config: this.options.config,
      }),
    );
  }

  private round() {
    return {
      tracker: this.tracker,
      notifier: this.options.notifier,
      config: this.options.config,
      now: this.options.now?.() ?? new Date(),
    };
  }

  private async guard(what: string, send: () => Promise<unknown>) {
    try {
      await send();
    } catch (error) {
      this.options.logger.warn(
        `Could not send ${what} notifications: ${(error as Error).message}`,
      );
    }
  }
}
