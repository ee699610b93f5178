import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseHealthStore } from './DatabaseHealthStore';
import { ProbeResult } from './types';
import { createTestDatabases } from '@internal/ops-test-utils';

const databases = createTestDatabases();

const at = (
  url: string,
  iso: string,
  status: ProbeResult['status'],
  extra: Partial<ProbeResult> = {},
): ProbeResult => ({
  url,
  checkedAt: new Date(iso),
  status,
  latencyMs: 12,
  checks: [],
  ...extra,
});

describe.each(databases.eachSupportedId())('DatabaseHealthStore on %s', id => {
  async function createStore() {
    const knex = await databases.init(id);
    return DatabaseHealthStore.create({
      database: mockServices.database({ knex }),
    });
  }
  const A = 'http://127.0.0.1:18001/health';
  const B = 'grpc://127.0.0.1:18002/cqrs.CommandService';

  it('keeps the latest result with its checks and message', async () => {
    const store = await createStore();
    await store.addResults([
      at(A, '2026-11-23T10:00:00Z', 'up'),
      at(A, '2026-11-23T10:00:30Z', 'degraded', {
        latencyMs: 34.6,
        checks: [{ name: 'cache', status: 'degraded', detail: 'length: 3' }],
        message: 'Failing: cache',
      }),
      at(B, '2026-11-23T10:00:10Z', 'down', { message: 'NOT_SERVING' }),
    ]);
    const latest = await store.getLatest([A, B, 'http://other']);
    expect([...latest.keys()].sort()).toEqual([A, B].sort());
    expect(latest.get(A)).toEqual({
      url: A,
      checkedAt: new Date('2026-11-23T10:00:30Z'),
      status: 'degraded',
      latencyMs: 35,
      checks: [{ name: 'cache', status: 'degraded', detail: 'length: 3' }],
      message: 'Failing: cache',
    });
    expect(latest.get(B)).toMatchObject({
      status: 'down',
      message: 'NOT_SERVING',
    });
  });

  it('finds when the status last changed', async () => {
    const store = await createStore();
    await store.addResults([
      at(A, '2026-11-23T09:00:00Z', 'up'),
      at(A, '2026-11-23T09:01:00Z', 'down'),
      at(A, '2026-11-23T09:02:00Z', 'down'),
      at(A, '2026-11-23T09:03:00Z', 'up'),
      at(A, '2026-11-23T09:04:00Z', 'up'),
      at(B, '2026-11-23T09:00:00Z', 'up'),
      at(B, '2026-11-23T09:05:00Z', 'up'),
    ]);
    expect(await store.getSince(A, 'up')).toEqual(
      new Date('2026-11-23T09:03:00Z'),
    );
    // never anything else: since the first result
    expect(await store.getSince(B, 'up')).toEqual(
      new Date('2026-11-23T09:00:00Z'),
    );
    expect(await store.getSince(B, 'down')).toBeUndefined();
  });

  it('counts uptime over serving and known probes, and returns samples', async () => {
    const store = await createStore();
    await store.addResults([
      at(A, '2026-11-20T10:00:00Z', 'down'), // before `from`
      at(A, '2026-11-23T10:00:00Z', 'up'),
      at(A, '2026-11-23T10:01:00Z', 'degraded'),
      at(A, '2026-11-23T10:02:00Z', 'down', { latencyMs: 2000 }),
      at(A, '2026-11-23T10:03:00Z', 'unknown'),
      at(A, '2026-11-23T10:04:00Z', 'up'),
      at(B, '2026-11-23T10:00:00Z', 'down'),
    ]);
    const from = new Date('2026-11-23T00:00:00Z');
    const uptime = await store.getUptime([A, B], from);
    expect(uptime.get(A)).toEqual({ serving: 3, known: 4 });
    expect(uptime.get(B)).toEqual({ serving: 0, known: 1 });

    const samples = await store.getSamples([A], from);
    expect(samples.map(s => [s.status, s.latencyMs])).toEqual([
      ['up', 12],
      ['degraded', 12],
      ['down', 2000],
      ['unknown', 12],
      ['up', 12],
    ]);
    expect(samples[0].checkedAt).toEqual(new Date('2026-11-23T10:00:00Z'));
  });

  it('prunes results older than a date', async () => {
    const store = await createStore();
    await store.addResults([
      at(A, '2026-11-10T10:00:00Z', 'down'),
      at(A, '2026-11-23T10:00:00Z', 'up'),
    ]);
    expect(await store.prune(new Date('2026-11-15T00:00:00Z'))).toBe(1);
    expect(await store.getSince(A, 'up')).toEqual(
      new Date('2026-11-23T10:00:00Z'),
    );
    const uptime = await store.getUptime([A], new Date(0));
    expect(uptime.get(A)).toEqual({ serving: 1, known: 1 });
  });
});
