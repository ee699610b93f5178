import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
  'POSTGRES_12',
  'POSTGRES_11',
];

const connectionVariable = (id: TestDatabaseId) =>
  `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`;

/**
 * The databases the database suites run on: SQLite, and every PostgreSQL
 * whose `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING` is set
 * (scripts/test.sh sets one for each local cluster it finds, whatever its
 * major version). No Docker: only servers that run here. Under CI a run
 * without any PostgreSQL fails rather than testing SQLite alone.
 */
export function testDatabaseIds(): TestDatabaseId[] {
  const postgres = POSTGRES_IDS.filter(
    id => process.env[connectionVariable(id)],
  );
  if (process.env.CI && postgres.length === 0) {
    throw new Error(
      'No PostgreSQL to test on: set BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING ' +
        '(scripts/test.sh does it for every local cluster; install: apt-get install -y postgresql)',
    );
  }
  // MySQL, too, where a connection string names one (as Backstage's own tests allow).
  const mysql: TestDatabaseId[] = process.env[connectionVariable('MYSQL_8')]
    ? ['MYSQL_8']
    : [];
  return [...postgres, ...mysql, 'SQLITE_3'];
}

/**
 * `TestDatabases` over {@link testDatabaseIds}. Suites run
 * `describe.each(databases.eachSupportedId())('... on %s', ...)`, so each
 * test's name says which database it ran on.
 */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({ ids: testDatabaseIds(), disableDocker: true });
}
