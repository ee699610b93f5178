import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';

/** What one notification says: the texts, the page, how urgent, and the topic users mute. */
export type OpsNotificationPayload = Required<
  Pick<
    NotificationSendOptions['payload'],
    'title' | 'description' | 'link' | 'severity' | 'topic'
  >
>;

/**
 * Sends Unyo's notifications: to the group owning an entity (the
 * notifications backend resolves its members through the catalog) or to
 * one user.
 */
export interface OwnerNotifier {
  /**
   * To the owner of the first of `entityRefs` that has one (its `ownedBy`
   * relation, else `spec.owner`); false when none has an owner.
   */
  notifyOwner(
    entityRefs: string[],
    payload: OpsNotificationPayload,
  ): Promise<boolean>;
  notifyUser(userRef: string, payload: OpsNotificationPayload): Promise<void>;
  /**
   * To one entity directly: a group (each member) or a user; for
   * notifications about a group itself, such as a digest.
   */
  notifyEntity(
    entityRef: string,
    payload: OpsNotificationPayload,
  ): Promise<void>;
}

/** The owner of an entity as an entity ref, or undefined. */
export function ownerOf(entity: Entity): string | undefined {
  const related = entity.relations?.find(
    r => r.type === RELATION_OWNED_BY,
  )?.targetRef;
  if (related) return related;
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** {@link OwnerNotifier} over the catalog and Backstage's notification service. */
export class CatalogOwnerNotifier implements OwnerNotifier {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  async notifyOwner(
    entityRefs: string[],
    payload: OpsNotificationPayload,
  ): Promise<boolean> {
    const { catalog, auth, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.owner',
          'relations',
        ],
      },
      { credentials },
    );
    const owner = items.map(e => e && ownerOf(e)).find(Boolean);
    if (!owner) {
      logger.info(
        `No owner of ${entityRefs.join(', ')} to notify: "${payload.title}"`,
      );
      return false;
    }
    await this.send(owner, payload);
    return true;
  }

  async notifyUser(
    userRef: string,
    payload: OpsNotificationPayload,
  ): Promise<void> {
    await this.send(userRef, payload);
  }

  async notifyEntity(
    entityRef: string,
    payload: OpsNotificationPayload,
  ): Promise<void> {
    await this.send(entityRef, payload);
  }

  private async send(entityRef: string, payload: OpsNotificationPayload) {
    await this.options.notifications.send({
      recipients: { type: 'entity', entityRef },
      payload,
    });
  }
}
