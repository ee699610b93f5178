import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { chunks, migratedClient, toDate } from '../database/util';
import { SubjectState, TransitionStore } from './TransitionStore';

const TABLE = 'ops_notification_state';

/** A unique-key violation: another replica recorded the subject first. */
export function isDuplicate(error: unknown): boolean {
  const { code } = error as { code?: string };
  // PostgreSQL unique_violation; SQLite's primary key constraint.
  return code === '23505' || String(code).startsWith('SQLITE_CONSTRAINT');
}

/** Subject states on the plugin's own database (SQLite or PostgreSQL). */
export class DatabaseTransitionStore implements TransitionStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseTransitionStore> {
    return new DatabaseTransitionStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  private constructor(private readonly db: Knex) {}

  async get(subjects: string[]): Promise<Map<string, SubjectState>> {
    const out = new Map<string, SubjectState>();
    for (const batch of chunks([...new Set(subjects)])) {
      const rows = await this.db(TABLE).whereIn('subject', batch);
      for (const row of rows) {
        out.set(row.subject, { state: row.state, since: toDate(row.since) });
      }
    }
    return out;
  }

  async claim(
    subject: string,
    from: string | undefined,
    to: string,
    now: Date,
  ): Promise<boolean> {
    if (from === undefined) {
      try {
        await this.db(TABLE).insert({ subject, state: to, since: now });
        return true;
      } catch (error) {
        if (isDuplicate(error)) return false;
        throw error;
      }
    }
    // Conditional on the old state: of replicas racing, one updates a row.
    const updated = await this.db(TABLE)
      .where({ subject, state: from })
      .update({ state: to, since: now });
    return updated === 1;
  }
}
