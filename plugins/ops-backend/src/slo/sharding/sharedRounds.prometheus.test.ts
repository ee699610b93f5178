import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringifyEntityRef } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import {
  describeWithPrometheus,
  startPrometheus,
  TestPrometheus,
} from '../../__testUtils__/prometheus';
import {
  MINUTE,
  ratioSlo,
  sloExpressionData,
} from '../../__testUtils__/sloExpressionData';
import { shardOf } from './shardOf';

/*
 * Two real backend processes (src/slo/sharding/__testUtils__/replicaBackend.ts)
 * share SLO rounds on one PostgreSQL database against a real Prometheus. Each
 * process has an in-memory catalog of the same entities (no catalog backend).
 */

const SHARDS = 4;
const SLO_COUNT = 24;
const INTERVAL_MS = 8000;
const LEASE_MS = 3000;
// Replica A reaches Prometheus through a link that delays each answer, so
// its shard rounds last seconds and the kill lands while it holds a shard.
const SLOW_LINK_MS = 400;

const NOW = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
const sel = (extra = '') => `http_requests_total{service="svc-x"${extra}}`;
const sloNames = Array.from({ length: SLO_COUNT }, (_, i) => `shared-${i}`);
const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc-x', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
    relations: sloNames.map(name => ({
      type: 'measuredBy',
      targetRef: `slo:default/${name}`,
    })),
  },
  ...sloNames.map(name =>
    ratioSlo(name, { good: sel(',code!~"5.."'), total: sel() }),
  ),
];
const sloRefs = entities.slice(1).map(e => stringifyEntityRef(e));
const shardSize = (shard: number) =>
  sloRefs.filter(ref => shardOf(ref, SHARDS) === shard).length;

function postgresConnection(): string {
  const name = Object.keys(process.env)
    .filter(k =>
      /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
    )
    .sort()
    .pop();
  if (!name) {
    throw new Error(
      'No PostgreSQL: set BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING (scripts/test.sh does)',
    );
  }
  return process.env[name]!;
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise(r => server.close(r));
  return port;
}

interface ShardRun {
  replica: string;
  shard: number;
  slos: number;
  /** The round: when the shard was due. */
  due: number;
  at: number;
}

interface Replica {
  id: string;
  child: ChildProcess;
  output: () => string;
}

const waitFor = async <T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise(r => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out waiting for ${what}`);
};

describeWithPrometheus(
  'SLO rounds shared by two backend processes on one PostgreSQL (in-memory catalog in each process)',
  () => {
    jest.setTimeout(300_000);
    const connection = postgresConnection();
    const prefix = `unyo_replicas_${process.pid}_${Date.now() % 100000}_`;
    const dir = mkdtempSync(join(tmpdir(), 'ops-replicas-'));
    const runs: ShardRun[] = [];
    const replicas: Replica[] = [];
    let prometheus: TestPrometheus;
    let slowLink: Server;
    let db: Knex;

    /** Starts one backend process; resolves once it logs its replica id. */
    async function startReplica(
      name: string,
      prometheusUrl: string,
    ): Promise<Replica> {
      const port = await freePort();
      const entitiesFile = join(dir, 'entities.json');
      writeFileSync(entitiesFile, JSON.stringify(entities));
      const configFile = join(dir, `${name}.yaml`);
      writeFileSync(
        configFile,
        JSON.stringify({
          backend: {
            baseUrl: `http://127.0.0.1:${port}`,
            listen: { port, host: '127.0.0.1' },
            database: { client: 'pg', connection, prefix },
          },
          ops: {
            prometheus: { servers: [{ name: 'default', url: prometheusUrl }] },
            health: { allowedHosts: ['127.0.0.1'] },
            slo: {
              evaluationInterval: { milliseconds: INTERVAL_MS },
              shards: SHARDS,
              shardLease: { milliseconds: LEASE_MS },
            },
          },
        }),
      );
      const child = spawn(
        process.execPath,
        [
          '--require',
          require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
          join(__dirname, '__testUtils__', 'replicaBackend.ts'),
          '--config',
          configFile,
        ],
        {
          env: {
            ...process.env,
            NODE_ENV: 'production',
            LOG_LEVEL: 'info',
            UNYO_TEST_ENTITIES: entitiesFile,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      let id: string | undefined;
      let pending = '';
      const onData = (chunk: Buffer) => {
        output = (output + chunk).slice(-20000);
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          let message = line;
          try {
            message = JSON.parse(line).message ?? line;
          } catch {
            // not a JSON log line
          }
          id ??= /this replica is (\S+)/.exec(message)?.[1];
          const run =
            /Replica (\S+) evaluated SLO shard (\d+) of \d+: (\d+) SLOs \(round due (\S+)\)/.exec(
              message,
            );
          if (run) {
            runs.push({
              replica: run[1],
              shard: Number(run[2]),
              slos: Number(run[3]),
              due: Date.parse(run[4]),
              at: Date.now(),
            });
          }
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      const replica = { id: '', child, output: () => output };
      replicas.push(replica);
      replica.id = await waitFor(
        `replica ${name} up`,
        () => {
          if (child.exitCode !== null) {
            throw new Error(`replica ${name} exited:\n${output}`);
          }
          return id;
        },
        180_000,
        200,
      );
      return replica;
    }

    beforeAll(async () => {
      const data = sloExpressionData(NOW);
      prometheus = await startPrometheus({ series: data.series });
      slowLink = createServer((req, res) => {
        const body: Buffer[] = [];
        req.on('data', c => body.push(c));
        req.on('end', () => {
          setTimeout(async () => {
            try {
              const answer = await fetch(`${prometheus.url}${req.url}`, {
                method: req.method,
                headers: {
                  'content-type': String(req.headers['content-type'] ?? ''),
                },
                body: body.length ? Buffer.concat(body) : undefined,
              });
              res.writeHead(answer.status, {
                'content-type': answer.headers.get('content-type') ?? '',
              });
              res.end(Buffer.from(await answer.arrayBuffer()));
            } catch {
              res.destroy();
            }
          }, SLOW_LINK_MS);
        });
      });
      await new Promise<void>(r => slowLink.listen(0, '127.0.0.1', r));
    });

    afterAll(async () => {
      for (const replica of replicas) replica.child?.kill('SIGKILL');
      await db?.destroy();
      const admin = knexFactory({ client: 'pg', connection });
      await admin
        .raw(`drop database if exists "${prefix}ops" with (force)`)
        .catch(() => undefined);
      await admin.destroy();
      await prometheus?.stop();
      await new Promise(r => slowLink?.close(r));
      rmSync(dir, { recursive: true, force: true });
    });

    it('evaluates each SLO once per round, spread over both replicas, and takes over the shard of a replica killed mid-round', async () => {
      const slowUrl = `http://127.0.0.1:${
        (slowLink.address() as AddressInfo).port
      }`;
      // One after the other, as a rolling deployment starts them: replicas
      // starting together on a new database race for the migration lock.
      const a = await startReplica('a', slowUrl);
      const b = await startReplica('b', prometheus.url);
      const [idA, idB] = [a.id, b.id];
      expect(idA).not.toEqual(idB);

      // Three rounds of every shard.
      await waitFor(
        'three rounds of each shard',
        () =>
          Array.from({ length: SHARDS }, (_, s) => s).every(
            s => runs.filter(r => r.shard === s).length >= 3,
          ) || undefined,
        120_000,
        500,
      ).catch(e => {
        throw new Error(
          `${e}\nruns: ${JSON.stringify(
            runs,
          )}\nA: ${a.output()}\nB: ${b.output()}`,
        );
      });
      const before = [...runs];

      // Each shard run evaluated exactly its SLOs; together the shards hold every SLO once.
      for (const run of before) expect(run.slos).toBe(shardSize(run.shard));
      expect(
        Array.from({ length: SHARDS }, (_, s) => shardSize(s)).reduce(
          (x, y) => x + y,
        ),
      ).toBe(SLO_COUNT);
      // Once per round: each round of a shard (its due time) evaluated once,
      // rounds an evaluation interval apart.
      for (let s = 0; s < SHARDS; s++) {
        const dues = before.filter(r => r.shard === s).map(r => r.due);
        expect(new Set(dues).size).toBe(dues.length);
        for (let i = 1; i < dues.length; i++) {
          expect(dues[i] - dues[i - 1]).toBeGreaterThanOrEqual(INTERVAL_MS);
        }
      }
      // Both replicas did part of the work.
      const byReplica = new Set(before.map(r => r.replica));
      expect([...byReplica].sort()).toEqual([idA, idB].sort());

      const opsDatabase = new URL(connection);
      opsDatabase.pathname = `/${prefix}ops`;
      db = knexFactory({ client: 'pg', connection: opsDatabase.toString() });
      const statuses = await db('ops_slo_status').select('slo_ref');
      expect(statuses.map(r => r.slo_ref).sort()).toEqual([...sloRefs].sort());
      // Health, backup and runbook tasks are the scheduler's global tasks
      // (one run at a time across replicas); the shard poller is local.
      const tasks = await db('backstage_backend_tasks__tasks').select('id');
      expect(tasks.map(t => t.id)).toEqual(
        expect.arrayContaining([
          'unyo-health-probes',
          'unyo-backup-status',
          'unyo-runbook-stale-executions',
        ]),
      );
      expect(tasks.map(t => t.id)).not.toContain('unyo-slo-shards');

      // Kill A while it holds a shard (mid-round); the row still names it.
      const held = await waitFor(
        'replica A holding a shard',
        async () =>
          (await db('ops_slo_shards').where('lease_owner', idA).first()) as
            | { shard: number }
            | undefined,
        60_000,
        20,
      );
      a.child.kill('SIGKILL');
      const killedAt = Date.now();
      const still = await db('ops_slo_shards')
        .where({ shard: held.shard })
        .first();
      expect(still.lease_owner).toBe(idA);

      // B takes the killed shard once A's lease has run out, in the next round.
      const takeover = await waitFor(
        'replica B evaluating the killed shard',
        () =>
          runs.find(
            r => r.shard === held.shard && r.at > killedAt && r.replica === idB,
          ),
        LEASE_MS + INTERVAL_MS * 2 + 10_000,
      );
      expect(takeover.slos).toBe(shardSize(held.shard));
      expect(takeover.at - killedAt).toBeLessThan(
        LEASE_MS + INTERVAL_MS + 5000,
      );
      const killedShardRefs = sloRefs.filter(
        ref => shardOf(ref, SHARDS) === held.shard,
      );
      const fresh = await db('ops_slo_status')
        .whereIn('slo_ref', killedShardRefs)
        .andWhere('evaluated_at', '>', new Date(killedAt - 1000))
        .select('slo_ref');
      expect(fresh.map(r => r.slo_ref).sort()).toEqual(killedShardRefs.sort());

      // From then on B alone evaluates every shard, each once per round.
      await waitFor(
        'B evaluating every shard after the kill',
        () =>
          Array.from({ length: SHARDS }, (_, s) => s).every(s =>
            runs.some(
              r => r.shard === s && r.at > killedAt && r.replica === idB,
            ),
          ) || undefined,
        INTERVAL_MS * 3 + LEASE_MS + 10_000,
        200,
      );
      const after = runs.filter(r => r.at > killedAt);
      expect(new Set(after.map(r => r.replica))).toEqual(new Set([idB]));
    });
  },
);
