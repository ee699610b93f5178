import { DatabaseService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { migratedClient, toDate } from '../database/util';
import { GateOverride } from './types';

const TABLE = 'ops_gate_overrides';

function fromRow(row: any): GateOverride {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at).toISOString(),
    expiresAt: toDate(row.expires_at).toISOString(),
  };
}

/** Deploy-gate overrides in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseGateOverrideStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseGateOverrideStore> {
    return new DatabaseGateOverrideStore(
      await migratedClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async add(override: Omit<GateOverride, 'id'>): Promise<GateOverride> {
    const id = randomUUID();
    await this.db(TABLE).insert({
      id,
      entity_ref: override.entityRef,
      reason: override.reason,
      created_by: override.createdBy,
      created_at: new Date(override.createdAt),
      expires_at: new Date(override.expiresAt),
    });
    return { id, ...override };
  }

  /** The override `id` if not expired at `now`. */
  async activeById(id: string, now: Date): Promise<GateOverride | undefined> {
    const row = await this.db(TABLE)
      .where('id', id)
      .where('expires_at', '>', now)
      .first();
    return row ? fromRow(row) : undefined;
  }

  /** Ends an override at `now`: kept, as an expired one is. */
  async expire(id: string, now: Date): Promise<void> {
    await this.db(TABLE).where('id', id).update({ expires_at: now });
  }

  /** Not expired at `now`, the latest expiry first. */
  async active(now: Date, entityRef?: string): Promise<GateOverride[]> {
    const query = this.db(TABLE)
      .where('expires_at', '>', now)
      .orderBy('expires_at', 'desc')
      .limit(500);
    if (entityRef) query.where('entity_ref', entityRef);
    return (await query).map(fromRow);
  }
}
