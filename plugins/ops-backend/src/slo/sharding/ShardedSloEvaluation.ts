import { LoggerService } from '@backstage/backend-plugin-api';
import { preferredShards, shardOf } from './shardOf';
import { DueShard, ShardClaims } from './ShardClaims';

export interface ShardedSloEvaluationOptions {
  claims: ShardClaims;
  replica: string;
  shards: number;
  /** A claim lasts this long unless renewed (renewed every third of it). */
  leaseMs: number;
  /** `ops.slo.evaluationInterval`: each shard is due this long after its last round. */
  intervalMs: number;
  /** One round over the SLOs `include` accepts (SloEvaluator.evaluateAll). */
  evaluate: (include: (sloRef: string) => boolean) => Promise<{ slos: number }>;
  logger: LoggerService;
  now?: () => Date;
}

/**
 * A replica's part of the shared SLO rounds. Each tick it claims due shards
 * one at a time (its preferred ones, or any left overdue by a lease), so
 * replicas spread a round between them and each shard is evaluated once per
 * round; a replica that dies stops renewing its lease and heartbeat, and the
 * others take its shards once the lease has run out.
 */
export class ShardedSloEvaluation {
  private prepared = false;

  constructor(private readonly options: ShardedSloEvaluationOptions) {}

  /** Evaluates every shard this replica can claim now; returns their numbers. */
  async tick(signal?: AbortSignal): Promise<number[]> {
    const { claims, leaseMs } = this.options;
    if (!this.prepared) {
      await claims.ensureShards(this.now());
      this.prepared = true;
    }
    const done: number[] = [];
    while (!signal?.aborted) {
      const now = this.now();
      const shard = await this.pick(now);
      if (shard === undefined) break;
      if (!(await claims.claim(shard.shard, now, leaseMs))) continue;
      await this.run(shard);
      done.push(shard.shard);
    }
    return done;
  }

  /** The next due shard for this replica, re-read each time as replicas come and go. */
  private async pick(now: Date): Promise<DueShard | undefined> {
    const { claims, replica, shards, leaseMs } = this.options;
    const live = await claims.heartbeat(now, new Date(now.getTime() - leaseMs));
    const preferred = preferredShards(replica, live, shards);
    return (await claims.due(now)).find(
      due =>
        preferred.has(due.shard) ||
        now.getTime() - due.nextRunAt.getTime() > leaseMs,
    );
  }

  private async run(due: DueShard): Promise<void> {
    const { claims, replica, shards, leaseMs, intervalMs, logger } =
      this.options;
    const renewal = setInterval(() => {
      const now = this.now();
      Promise.all([
        claims.renew(due.shard, now, leaseMs),
        claims.heartbeat(now, new Date(now.getTime() - leaseMs)),
      ])
        .then(([held]) => {
          if (!held) {
            logger.warn(
              `Lost the lease of SLO shard ${due.shard} (renewed too late); another replica may evaluate it`,
            );
          }
        })
        .catch(e => logger.warn(`Could not renew SLO shard lease: ${e}`));
    }, leaseMs / 3);
    try {
      const round = await this.options.evaluate(
        ref => shardOf(ref, shards) === due.shard,
      );
      logger.info(
        `Replica ${replica} evaluated SLO shard ${due.shard} of ${shards}: ${
          round.slos
        } SLOs (round due ${due.nextRunAt.toISOString()})`,
      );
    } catch (e) {
      // Like a failed scheduled task: logged, and due again next round.
      logger.error(`SLO shard ${due.shard}/${shards} failed: ${e}`);
    } finally {
      clearInterval(renewal);
    }
    const now = this.now();
    const next = Math.max(due.nextRunAt.getTime() + intervalMs, now.getTime());
    await claims.complete(due.shard, now, new Date(next));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
