import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@unyo/plugin-ops-backend',
  'migrations',
);

/** The plugin's database client, migrated to the latest schema unless told not to. */
export async function migratedClient(
  database: DatabaseService,
  skipMigrations?: boolean,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip && !skipMigrations) {
    await knex.migrate.latest({ directory: migrationsDir });
  }
  return knex;
}

// SQLite and PostgreSQL both cap bound parameters; stay well below.
const CHUNK = 200;

/** Splits rows or keys into groups small enough for one statement. */
export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** Timestamps come back as Date (pg), number or string (SQLite). */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string | number);
}
