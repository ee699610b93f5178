import {
  DatabaseService,
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ShardClaims } from './ShardClaims';
import { ShardedSloEvaluation } from './ShardedSloEvaluation';
import { readSloShardingConfig } from './shardingConfig';

/**
 * Schedules SLO rounds. With one shard (the default) a round is one global
 * scheduled task, run by one replica at a time. With `ops.slo.shards` above
 * one, every replica runs a local task that claims shards through the
 * database (docs/deploy.md), so replicas share each round.
 */
export async function scheduleSloEvaluation(options: {
  config: Config;
  scheduler: SchedulerService;
  database: DatabaseService;
  lifecycle: LifecycleService;
  logger: LoggerService;
  evaluationInterval: HumanDuration;
  evaluate: (
    include?: (sloRef: string) => boolean,
  ) => Promise<{ slos: number }>;
}): Promise<void> {
  const { scheduler, logger, evaluationInterval, evaluate } = options;
  const { shards, leaseMs } = readSloShardingConfig(options.config);
  if (shards === 1) {
    await scheduler.scheduleTask({
      id: 'unyo-slo-evaluation',
      frequency: evaluationInterval,
      timeout: { minutes: 10 },
      initialDelay: { seconds: 5 },
      fn: async () => {
        await evaluate();
      },
    });
    return;
  }
  const replica = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const claims = new ShardClaims(
    await options.database.getClient(),
    replica,
    shards,
  );
  const intervalMs = durationToMilliseconds(evaluationInterval);
  const sharded = new ShardedSloEvaluation({
    claims,
    replica,
    shards,
    leaseMs,
    intervalMs,
    evaluate,
    logger,
  });
  options.lifecycle.addShutdownHook(() => claims.leave());
  logger.info(`SLO rounds in ${shards} shards; this replica is ${replica}`);
  // Local: each replica polls; the shard claims decide who evaluates what.
  const pollMs = Math.min(5000, leaseMs / 3, intervalMs);
  await scheduler.scheduleTask({
    id: 'unyo-slo-shards',
    scope: 'local',
    frequency: { milliseconds: pollMs },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 5 },
    fn: async signal => {
      await sharded.tick(signal);
    },
  });
}
