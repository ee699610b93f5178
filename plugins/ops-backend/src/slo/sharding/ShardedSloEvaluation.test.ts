import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/ops-test-utils';
import { DatabaseSloStore } from '../../database/DatabaseSloStore';
import { ShardClaims } from './ShardClaims';
import { ShardedSloEvaluation } from './ShardedSloEvaluation';
import { preferredShards, shardOf } from './shardOf';

const databases = createTestDatabases();
const SHARDS = 4;
const INTERVAL_MS = 60_000;
const LEASE_MS = 30_000;
const REFS = Array.from({ length: 40 }, (_, i) => `slo:default/slo-${i}`);

describe('shardOf', () => {
  it('puts every SLO in exactly one shard, the same on every call', () => {
    const shards = REFS.map(ref => shardOf(ref, SHARDS));
    expect(REFS.map(ref => shardOf(ref, SHARDS))).toEqual(shards);
    expect(new Set(shards).size).toBe(SHARDS);
    expect(shards.every(s => s >= 0 && s < SHARDS)).toBe(true);
    expect(REFS.every(ref => shardOf(ref, 1) === 0)).toBe(true);
  });

  it('gives each live replica its share of the shards', () => {
    const a = preferredShards('a', ['a', 'b'], SHARDS);
    const b = preferredShards('b', ['a', 'b'], SHARDS);
    expect([...a, ...b].sort()).toEqual([0, 1, 2, 3]);
    expect(a.size).toBe(2);
    expect([...preferredShards('a', [], SHARDS)]).toEqual([0, 1, 2, 3]);
  });
});

describe.each(databases.eachSupportedId())('Shared SLO rounds on %s', id => {
  async function setup() {
    const knex = await databases.init(id);
    // The plugin's migrations, shard tables included.
    await DatabaseSloStore.create({
      database: mockServices.database({ knex }),
    });
    let clock = Date.parse('2026-12-06T00:00:00Z');
    const evaluated: Array<{ replica: string; refs: string[] }> = [];
    const replica = (name: string, evaluate?: () => Promise<void>) =>
      new ShardedSloEvaluation({
        claims: new ShardClaims(knex, name, SHARDS),
        replica: name,
        shards: SHARDS,
        leaseMs: LEASE_MS,
        intervalMs: INTERVAL_MS,
        logger: mockServices.logger.mock(),
        now: () => new Date(clock),
        evaluate: async include => {
          await evaluate?.();
          const refs = REFS.filter(include);
          evaluated.push({ replica: name, refs });
          return { slos: refs.length };
        },
      });
    return {
      knex,
      replica,
      evaluated,
      advance: (ms: number) => {
        clock += ms;
      },
    };
  }

  it('evaluates each SLO once per round, spread over the live replicas', async () => {
    const { replica, evaluated, advance } = await setup();
    const a = replica('a');
    const b = replica('b');
    // Both replicas are known before the round: each takes its share.
    await Promise.all([a.tick(), b.tick()]);
    evaluated.length = 0;
    advance(INTERVAL_MS);
    const [doneA, doneB] = await Promise.all([a.tick(), b.tick()]);
    expect([...doneA, ...doneB].sort()).toEqual([0, 1, 2, 3]);
    expect(doneA.length).toBe(2);
    const refs = evaluated.flatMap(e => e.refs).sort();
    expect(refs).toEqual([...REFS].sort());
    // Nothing is due again within the round.
    advance(INTERVAL_MS / 2);
    expect([...(await a.tick()), ...(await b.tick())]).toEqual([]);
  });

  it('gives the shard of a replica that died mid-round to another once its lease ran out', async () => {
    const { knex, replica, advance } = await setup();
    let release: () => void = () => {};
    const hanging = new Promise<void>(r => {
      release = r;
    });
    const dying = replica('a', () => hanging);
    const survivor = replica('b');
    const dyingTick = dying.tick(); // claims a shard and hangs in it
    await new Promise(r => setTimeout(r, 200));
    const held = await knex('ops_slo_shards').where('lease_owner', 'a');
    expect(held).toHaveLength(1);
    // Within the lease the survivor leaves the held shard alone.
    const first = await survivor.tick();
    expect(first).not.toContain(held[0].shard);
    advance(LEASE_MS + 1);
    const next = await survivor.tick();
    expect(next).toContain(held[0].shard);
    const row = await knex('ops_slo_shards')
      .where('shard', held[0].shard)
      .first();
    expect(row.last_completed_by).toBe('b');
    // Its late end changes nothing: the lease is no longer its own.
    release();
    await dyingTick;
    const after = await knex('ops_slo_shards')
      .where('shard', held[0].shard)
      .first();
    expect(after.last_completed_by).toBe('b');
  });
});
