import { createHash } from 'node:crypto';

/**
 * The shard of an SLO: a stable hash of its entity ref, so every replica
 * puts an SLO in the same shard and shards stay about the same size.
 */
export function shardOf(sloRef: string, shards: number): number {
  if (shards <= 1) return 0;
  const digest = createHash('sha1')
    .update(sloRef.toLocaleLowerCase('en-US'))
    .digest();
  return digest.readUInt32BE(0) % shards;
}

/**
 * Which shards a replica prefers: shard `s` goes to the live replica at
 * position `s mod n` of the sorted ids, so n replicas take about 1/n each.
 */
export function preferredShards(
  replica: string,
  liveReplicas: string[],
  shards: number,
): Set<number> {
  const sorted = [...new Set([...liveReplicas, replica])].sort();
  const position = sorted.indexOf(replica);
  const preferred = new Set<number>();
  for (let shard = 0; shard < shards; shard++) {
    if (shard % sorted.length === position) preferred.add(shard);
  }
  return preferred;
}
