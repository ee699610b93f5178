import { DatabaseService } from '@backstage/backend-plugin-api';
import { ChangeMarker } from '@unyo/plugin-ops-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { migratedClient, toDate } from '../database/util';
import { ChangeQuery } from './types';

const TABLE = 'ops_changes';

/** A chart draws no more markers than this; the latest are kept. */
export const MAX_CHANGES_LISTED = 500;

function fromRow(row: any): ChangeMarker {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    at: toDate(row.at).toISOString(),
    kind: row.kind,
    title: row.title,
    ...(row.url ? { url: row.url } : {}),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at).toISOString(),
  };
}

/** Change markers in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseChangeStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseChangeStore> {
    return new DatabaseChangeStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async add(change: Omit<ChangeMarker, 'id'>): Promise<ChangeMarker> {
    const id = randomUUID();
    await this.db(TABLE).insert({
      id,
      entity_ref: change.entityRef,
      at: new Date(change.at),
      kind: change.kind,
      title: change.title,
      url: change.url ?? null,
      created_by: change.createdBy,
      created_at: new Date(change.createdAt),
    });
    return { id, ...change };
  }

  /** The latest MAX_CHANGES_LISTED in the range, returned oldest first. */
  async list(query: ChangeQuery): Promise<ChangeMarker[]> {
    const rows = await this.db(TABLE)
      .where('entity_ref', query.entityRef)
      .where('at', '>=', query.from)
      .where('at', '<=', query.to)
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'created_at', order: 'desc' },
      ])
      .limit(MAX_CHANGES_LISTED);
    return rows.map(fromRow).reverse();
  }
}
