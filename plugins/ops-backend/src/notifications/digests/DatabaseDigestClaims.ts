import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from '../../database/util';
import { isDuplicate } from '../DatabaseTransitionStore';
import { DigestKind } from './digestPeriod';

const TABLE = 'ops_digest_claims';

/**
 * The digests sent, on the plugin's database (SQLite or PostgreSQL): a
 * digest is claimed by inserting its key, which one replica only can do.
 */
export class DatabaseDigestClaims {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseDigestClaims> {
    return new DatabaseDigestClaims(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  private constructor(private readonly db: Knex) {}

  /** true for the one caller that claims the digest; false when it was claimed before. */
  async claim(
    kind: DigestKind,
    period: string,
    recipient: string,
    now: Date,
  ): Promise<boolean> {
    try {
      await this.db(TABLE).insert({
        kind,
        period,
        recipient,
        claimed_at: now,
      });
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  }

  /** Gives a claim back (its send failed), so a later run sends the digest. */
  async release(
    kind: DigestKind,
    period: string,
    recipient: string,
  ): Promise<void> {
    await this.db(TABLE).where({ kind, period, recipient }).delete();
  }
}
