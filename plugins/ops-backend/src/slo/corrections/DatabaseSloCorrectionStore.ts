import { DatabaseService } from '@backstage/backend-plugin-api';
import { SloCorrection } from '@unyo/plugin-ops-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { chunks, migratedClient, toDate } from '../../database/util';
import { appendTo } from '../../lib/appendTo';

const TABLE = 'ops_slo_corrections';

function fromRow(row: any): SloCorrection {
  return {
    id: row.id,
    sloRef: row.slo_ref,
    start: toDate(row.start_at).toISOString(),
    end: toDate(row.end_at).toISOString(),
    category: row.category,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at).toISOString(),
  };
}

/** A correction whose days' rollups are still to be recomputed. */
export interface PendingCorrection extends SloCorrection {
  deleted: boolean;
}

/** Error-budget corrections in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseSloCorrectionStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSloCorrectionStore> {
    return new DatabaseSloCorrectionStore(
      await migratedClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async add(correction: Omit<SloCorrection, 'id'>): Promise<SloCorrection> {
    const id = randomUUID();
    await this.db(TABLE).insert({
      id,
      slo_ref: correction.sloRef,
      start_at: new Date(correction.start),
      end_at: new Date(correction.end),
      category: correction.category,
      reason: correction.reason,
      created_by: correction.createdBy,
      created_at: new Date(correction.createdAt),
      rollups_pending: true,
    });
    return { id, ...correction };
  }

  /** An SLO's corrections, the latest span first. */
  async list(sloRef: string): Promise<SloCorrection[]> {
    const rows = await this.db(TABLE)
      .where('slo_ref', sloRef)
      .whereNull('deleted_at')
      .orderBy('start_at', 'desc')
      .limit(1000);
    return rows.map(fromRow);
  }

  /**
   * Marks a correction deleted; it stops counting at once, and its row goes
   * once the next round has recomputed its days. False when there is none.
   */
  async delete(sloRef: string, id: string, now: Date): Promise<boolean> {
    const count = await this.db(TABLE)
      .where({ id, slo_ref: sloRef })
      .whereNull('deleted_at')
      .update({ deleted_at: now, rollups_pending: true });
    return count > 0;
  }

  /** SLO ref → its corrections overlapping `[from, to)`. */
  async overlapping(
    sloRefs: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, SloCorrection[]>> {
    const out = new Map<string, SloCorrection[]>();
    for (const refs of chunks(sloRefs, 500)) {
      const rows = await this.db(TABLE)
        .whereIn('slo_ref', refs)
        .whereNull('deleted_at')
        .andWhere('start_at', '<', to)
        .andWhere('end_at', '>', from)
        .orderBy('start_at');
      for (const row of rows) {
        const correction = fromRow(row);
        appendTo(out, correction.sloRef, correction);
      }
    }
    return out;
  }

  /** The corrections of these SLOs added or deleted since their days were recomputed. */
  async pending(sloRefs: string[]): Promise<PendingCorrection[]> {
    const out: PendingCorrection[] = [];
    for (const refs of chunks(sloRefs, 500)) {
      const rows = await this.db(TABLE)
        .whereIn('slo_ref', refs)
        .where('rollups_pending', true);
      out.push(
        ...rows.map(r => ({ ...fromRow(r), deleted: r.deleted_at !== null })),
      );
    }
    return out;
  }

  /**
   * Their days were recomputed from what was read at `readAt`: the ones
   * deleted before go; one deleted since stays pending for the next round.
   */
  async settle(ids: string[], readAt: Date): Promise<void> {
    for (const part of chunks(ids)) {
      await this.db(TABLE)
        .whereIn('id', part)
        .andWhere('deleted_at', '<', readAt)
        .delete();
      await this.db(TABLE)
        .whereIn('id', part)
        .whereNull('deleted_at')
        .update({ rollups_pending: false });
    }
  }
}
