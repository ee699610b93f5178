import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** `ops.slo.shards` and `ops.slo.shardLease` (config.d.ts, docs/deploy.md). */
export interface SloShardingConfig {
  /** SLOs are split into this many shards; 1 (default): one round on one replica. */
  shards: number;
  /** How long a replica's claim on a shard lasts without renewal, ms. */
  leaseMs: number;
}

const DEFAULT_LEASE: HumanDuration = { minutes: 1 };
const MAX_SHARDS = 1000;

export function readSloShardingConfig(config: Config): SloShardingConfig {
  const slo = config.getOptionalConfig('ops.slo');
  const shards = slo?.getOptionalNumber('shards') ?? 1;
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS) {
    throw new InputError(
      `ops.slo.shards must be an integer from 1 to ${MAX_SHARDS}, got ${shards}`,
    );
  }
  const lease = slo?.has('shardLease')
    ? readDurationFromConfig(slo, { key: 'shardLease' })
    : DEFAULT_LEASE;
  const leaseMs = durationToMilliseconds(lease);
  if (!(leaseMs >= 1000)) {
    throw new InputError('ops.slo.shardLease must be at least 1 second');
  }
  return { shards, leaseMs };
}
