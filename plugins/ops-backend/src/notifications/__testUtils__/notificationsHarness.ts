import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { t0 } from './fixtures';
import {
  MEMBERS,
  NotificationsTestBackend,
  OUTSIDER,
  startNotificationsBackend,
} from './notificationsBackend';

/** Backends of one test on fresh databases, stopped after it. */
export interface NotificationsHarness {
  /** The `ops` and `notifications` databases of the current test. */
  readonly dbs: Record<string, Knex>;
  /** The time the backends' rounds see; tests move it. */
  clock: Date;
  /** A backend on the test's databases; more than one are replicas. */
  start(
    entities: Entity[],
    notificationsConfig?: object,
  ): Promise<NotificationsTestBackend>;
  /** Stops `backend` and starts a new one on the same databases, as a restart does. */
  restart(
    backend: NotificationsTestBackend,
    entities: Entity[],
    notificationsConfig?: object,
  ): Promise<NotificationsTestBackend>;
  /** How many notifications each group member, then the user outside the group, sees. */
  countsOf(backend: NotificationsTestBackend): Promise<number[]>;
}

/**
 * Registers the hooks of a `describe` block that starts notifications
 * backends on the database `id`: fresh databases and clock before each
 * test, every backend stopped after it.
 */
export function useNotificationsHarness(
  databases: TestDatabases,
  id: TestDatabaseId,
): NotificationsHarness {
  const started: NotificationsTestBackend[] = [];
  let dbs: Record<string, Knex> = {};
  const harness: NotificationsHarness = {
    get dbs() {
      return dbs;
    },
    clock: t0,
    async start(entities, notificationsConfig) {
      const backend = await startNotificationsBackend({
        databases: dbs,
        entities,
        notificationsConfig,
        now: () => harness.clock,
      });
      started.push(backend);
      return backend;
    },
    async restart(backend, entities, notificationsConfig) {
      started.splice(started.indexOf(backend), 1);
      await backend.stop();
      return harness.start(entities, notificationsConfig);
    },
    countsOf: backend =>
      Promise.all(
        [...MEMBERS, OUTSIDER].map(
          async u => (await backend.notificationsOf(u)).length,
        ),
      ),
  };
  beforeEach(async () => {
    dbs = {
      ops: await databases.init(id),
      notifications: await databases.init(id),
    };
    harness.clock = t0;
  });
  afterEach(async () => {
    while (started.length) await started.pop()!.stop();
  });
  return harness;
}

/**
 * Lets `parties` callers through together once all have arrived: two
 * replicas reaching the same round's notifications at the same moment.
 */
export function rendezvous(parties: number): () => Promise<void> {
  let waiting: Array<() => void> = [];
  return () =>
    new Promise<void>(resolve => {
      waiting.push(resolve);
      if (waiting.length === parties) {
        waiting.forEach(release => release());
        waiting = [];
      }
    });
}
