import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import request from 'supertest';
import { readNotificationsConfig } from '../../config/notifications';
import { DefaultOpsNotifications } from '../OpsNotifications';

/** The group owning the fixtures, its two members and a user outside it. */
export const OWNERS = 'group:default/payments';
export const MEMBERS = ['user:default/alice', 'user:default/bob'];
export const OUTSIDER = 'user:default/carol';

const user = (name: string, memberOf: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf },
  relations: memberOf.map(targetRef => ({ type: 'memberOf', targetRef })),
});

/** The catalog the notifications backend resolves the owning group's members from. */
export const peopleEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [], members: ['alice', 'bob'] },
    relations: MEMBERS.map(targetRef => ({ type: 'hasMember', targetRef })),
  },
  user('alice', [OWNERS]),
  user('bob', [OWNERS]),
  user('carol', []),
];

/**
 * Each plugin its own database, as the backend gives them: the
 * notifications backend and ops keep separate migration histories. Two
 * backends given the same map share the databases, as two replicas do.
 */
function databasePerPlugin(databases: Record<string, Knex>) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => ({
      getClient: async () => {
        const knex = databases[plugin.getId()];
        if (!knex) throw new Error(`No test database for ${plugin.getId()}`);
        return knex;
      },
    }),
  });
}

export interface NotificationsTestBackend {
  /** The notifications of the `ops` plugin, wired as plugin.ts wires them. */
  ops: DefaultOpsNotifications;
  /** What a user sees on the Notifications page: `GET /api/notifications`. */
  notificationsOf(userRef: string): Promise<
    Array<{
      origin: string;
      payload: {
        title: string;
        description?: string;
        link?: string;
        severity: string;
        topic?: string;
      };
    }>
  >;
  stop(): Promise<void>;
}

/**
 * A backend with the real notifications backend and an `ops` plugin that
 * creates {@link DefaultOpsNotifications} from the same services plugin.ts
 * passes (its own database, the catalog, `notificationService`). The
 * catalog is `catalogServiceMock` with entities (a mock, named so in the tests).
 */
export async function startNotificationsBackend(options: {
  databases: Record<string, Knex>;
  entities: Entity[];
  notificationsConfig?: object;
  now: () => Date;
}): Promise<NotificationsTestBackend> {
  let ops: DefaultOpsNotifications | undefined;
  const opsStandIn = createBackendPlugin({
    pluginId: 'ops',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          auth: coreServices.auth,
          logger: coreServices.logger,
          catalog: catalogServiceRef,
          notifications: notificationService,
        },
        async init(deps) {
          ops = await DefaultOpsNotifications.create({
            ...deps,
            config: readNotificationsConfig(
              mockServices
                .rootConfig({ data: options.notificationsConfig ?? {} })
                .getOptionalConfig('ops.notifications'),
            ),
            now: options.now,
          });
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      notificationsPlugin,
      opsStandIn,
      databasePerPlugin(options.databases),
      // The notifications backend links its e-mails and signals to the app.
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' } },
      }),
      catalogServiceMock.factory({
        entities: [...peopleEntities, ...options.entities],
      }),
    ],
  });
  return {
    ops: ops!,
    async notificationsOf(userRef) {
      const res = await request(backend.server)
        .get('/api/notifications/notifications')
        .set('Authorization', mockCredentials.user.header(userRef));
      if (res.status !== 200) {
        throw new Error(`GET notifications: ${res.status} ${res.text}`);
      }
      return res.body.notifications;
    },
    stop: () => backend.stop(),
  };
}
