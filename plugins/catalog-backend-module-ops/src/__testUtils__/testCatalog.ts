import { TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';

// SQLite always; PostgreSQL (or MySQL) when its BACKSTAGE_TEST_DATABASE_*
// connection string is set. Docker stays off: these suites never start one.
export const databases = TestDatabases.create({
  ids: [
    'POSTGRES_18',
    'POSTGRES_17',
    'POSTGRES_16',
    'POSTGRES_15',
    'POSTGRES_14',
    'POSTGRES_13',
    'MYSQL_8',
    'SQLITE_3',
  ],
  disableDocker: true,
});

/** Retries a check until it passes or the time is up (the catalog stitches in the background). */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 40_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}

export const relationsOf = (entity: Entity) =>
  (entity.relations ?? []).map(r => `${r.type} ${r.targetRef}`);
