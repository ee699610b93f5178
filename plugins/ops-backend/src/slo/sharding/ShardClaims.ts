import { Knex } from 'knex';
import { toDate } from '../../database/util';

const SHARDS = 'ops_slo_shards';
const REPLICAS = 'ops_slo_shard_replicas';

/** A shard due for a round, as the table holds it. */
export interface DueShard {
  shard: number;
  nextRunAt: Date;
}

/**
 * The shard table of ops-backend's database: which shard is due, which
 * replica holds it (a lease it renews while evaluating) and which replicas
 * are alive. Every change is one conditional UPDATE, so two replicas never
 * hold one shard at once on SQLite or PostgreSQL.
 */
export class ShardClaims {
  constructor(
    private readonly db: Knex,
    private readonly replica: string,
    private readonly shards: number,
  ) {}

  /** Creates the rows of shards `0..shards-1` (due now) and drops others. */
  async ensureShards(now: Date): Promise<void> {
    const rows = Array.from({ length: this.shards }, (_, shard) => ({
      shard,
      next_run_at: now,
    }));
    await this.db(SHARDS).insert(rows).onConflict('shard').ignore();
    await this.db(SHARDS).where('shard', '>=', this.shards).delete();
  }

  /** Records this replica alive; returns the replicas seen since `since`. */
  async heartbeat(now: Date, since: Date): Promise<string[]> {
    await this.db(REPLICAS)
      .insert({ replica: this.replica, seen_at: now })
      .onConflict('replica')
      .merge(['seen_at']);
    await this.db(REPLICAS).where('seen_at', '<', since).delete();
    const rows = await this.db(REPLICAS)
      .where('seen_at', '>=', since)
      .select('replica');
    return rows.map(r => r.replica as string);
  }

  /** Shards due by `now` that no replica holds (or whose lease ran out). */
  async due(now: Date): Promise<DueShard[]> {
    const rows = await this.db(SHARDS)
      .where('next_run_at', '<=', now)
      .andWhere('shard', '<', this.shards)
      .andWhere(q =>
        q.whereNull('lease_owner').orWhere('lease_expires_at', '<', now),
      )
      .orderBy('next_run_at')
      .select('shard', 'next_run_at');
    return rows.map(r => ({
      shard: Number(r.shard),
      nextRunAt: toDate(r.next_run_at),
    }));
  }

  /** Takes a due shard; false when another replica took it first. */
  async claim(shard: number, now: Date, leaseMs: number): Promise<boolean> {
    const updated = await this.db(SHARDS)
      .where('shard', shard)
      .andWhere('next_run_at', '<=', now)
      .andWhere(q =>
        q.whereNull('lease_owner').orWhere('lease_expires_at', '<', now),
      )
      .update({
        lease_owner: this.replica,
        lease_expires_at: new Date(now.getTime() + leaseMs),
      });
    return updated === 1;
  }

  /** Extends this replica's lease; false when it was lost. */
  async renew(shard: number, now: Date, leaseMs: number): Promise<boolean> {
    const updated = await this.db(SHARDS)
      .where({ shard, lease_owner: this.replica })
      .update({ lease_expires_at: new Date(now.getTime() + leaseMs) });
    return updated === 1;
  }

  /** Ends the round of a shard this replica holds: due again at `nextRunAt`. */
  async complete(shard: number, now: Date, nextRunAt: Date): Promise<void> {
    await this.db(SHARDS).where({ shard, lease_owner: this.replica }).update({
      lease_owner: null,
      lease_expires_at: null,
      next_run_at: nextRunAt,
      last_completed_at: now,
      last_completed_by: this.replica,
    });
  }

  /**
   * Leaves the replica set (clean shutdown), so others take its share from
   * their next poll. A shard it is still evaluating keeps its lease: taking
   * it at once could evaluate those SLOs twice in one round.
   */
  async leave(): Promise<void> {
    await this.db(REPLICAS).where('replica', this.replica).delete();
  }
}
