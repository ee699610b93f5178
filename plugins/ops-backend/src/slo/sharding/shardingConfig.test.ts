import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readSloShardingConfig } from './shardingConfig';

const read = (slo: JsonObject) =>
  readSloShardingConfig(new ConfigReader({ ops: { slo } }));

describe('readSloShardingConfig', () => {
  it('defaults to one shard (one replica per round) and a one-minute lease', () => {
    expect(readSloShardingConfig(new ConfigReader({}))).toEqual({
      shards: 1,
      leaseMs: 60_000,
    });
  });

  it('reads shards and the lease', () => {
    expect(read({ shards: 8, shardLease: { seconds: 30 } })).toEqual({
      shards: 8,
      leaseMs: 30_000,
    });
  });

  it.each([0, -1, 2.5, 1001])(
    'refuses ops.slo.shards = %p, naming the key',
    shards => {
      expect(() => read({ shards })).toThrow(/ops\.slo\.shards/);
    },
  );

  it('refuses a lease under a second, naming the key', () => {
    expect(() => read({ shards: 2, shardLease: { milliseconds: 10 } })).toThrow(
      /ops\.slo\.shardLease/,
    );
  });
});
