import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { RecordedAuditEvent, recordingAuditor } from '../__testUtils__/auditor';
import { opsPlugin } from '../plugin';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  BackupSourceReader,
  opsBackupSourcesExtensionPoint,
} from '@unyo/plugin-ops-node';

/**
 * Stands in for the aws and postgres modules, registered through the same
 * extension point: these tests are about connections, which are checked
 * before a reader is asked, so the readers answer nothing.
 */
const standInSources = createBackendModule({
  pluginId: 'ops',
  moduleId: 'test-stand-in-sources',
  register(env) {
    env.registerInit({
      deps: { sources: opsBackupSourcesExtensionPoint },
      async init({ sources }) {
        const reader = (type: string): BackupSourceReader => ({
          type,
          read: async () => {
            throw new Error(`the stand-in ${type} reader is not read`);
          },
        });
        sources.addBackupSourceReader(reader('postgres-wal'), reader('s3'));
      },
    });
  },
});
import { createTestDatabases } from '@internal/ops-test-utils';

const service = mockCredentials.service.header();
const alice = mockCredentials.user.header('user:default/alice');

const DB_POLICY = 'backuppolicy:default/mairust-db-backups';
const CONFIG_POLICY = 'backuppolicy:default/mairust-config-backups';

function resource(name: string, policies: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'database',
      owner: 'group:default/mairust-team',
      system: 'mairust',
    },
    relations: [
      { type: 'partOf', targetRef: 'system:default/mairust' },
      ...policies.map(targetRef => ({ type: 'protectedBy', targetRef })),
    ],
  };
}

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'mairust', namespace: 'default' },
    spec: { owner: 'group:default/mairust-team' },
    relations: [
      { type: 'hasPart', targetRef: 'resource:default/mairust-postgres' },
      { type: 'hasPart', targetRef: 'resource:default/mairust-config' },
      { type: 'hasPart', targetRef: 'resource:default/mairust-cache' },
      { type: 'hasPart', targetRef: 'component:default/mairust-smtp' },
    ],
  },
  resource('mairust-postgres', [DB_POLICY]),
  resource('mairust-config', [CONFIG_POLICY]),
  resource('mairust-cache', []),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'mairust-smtp', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/mairust-team',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name: 'mairust-db-backups', namespace: 'default' },
    spec: {
      owner: 'group:default/mairust-team',
      protects: ['resource:default/mairust-postgres'],
      rpo: '1h',
      rto: '1h',
      targets: [
        {
          name: 'wal',
          type: 'wal',
          schedule: { every: '1h' },
          retention: '24h',
          source: { type: 'postgres-wal', connection: 'demo-postgres' },
        },
        {
          name: 'daily-dump',
          type: 'full',
          schedule: { cron: '0 2 * * *', timezone: 'Asia/Tokyo' },
          retention: '30d',
          source: {
            type: 's3',
            connection: 'demo-s3',
            bucket: 'mairust-backups',
          },
        },
      ],
      restoreTest: { every: '30d' },
    },
    relations: [
      { type: 'protects', targetRef: 'resource:default/mairust-postgres' },
    ],
  },
  {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name: 'mairust-config-backups', namespace: 'default' },
    spec: {
      owner: 'group:default/mairust-team',
      protects: ['resource:default/mairust-config'],
      rpo: '1d',
      targets: [
        {
          name: 'daily-config',
          type: 'config',
          schedule: { cron: '0 2 * * *', timezone: 'Asia/Tokyo' },
          retention: '90d',
          source: { type: 'push' },
        },
      ],
    },
    relations: [
      { type: 'protects', targetRef: 'resource:default/mairust-config' },
    ],
  },
];

const minutesAgo = (n: number) =>
  new Date(Date.now() - n * 60_000).toISOString();

/** A good run of the config policy's push target, 10 minutes ago. */
const configRun = () => ({
  policyRef: CONFIG_POLICY,
  target: 'daily-config',
  status: 'succeeded',
  startedAt: minutesAgo(12),
  finishedAt: minutesAgo(10),
});

/** A backup job pushes its run, as a service. */
function pushReport(server: any, body: object) {
  return request(server)
    .post('/api/ops/backups/reports')
    .set('Authorization', service)
    .send(body);
}

/** The backup status of `entityRef`, as alice reads it. */
function getBackups(server: any, entityRef: string) {
  return request(server)
    .get('/api/ops/backups')
    .query({ entityRef })
    .set('Authorization', alice);
}

// Each test starts a backend on a migrated database: seconds on a busy machine.
jest.setTimeout(30_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('backup routes on %s', id => {
  let knex: Knex;
  let audits: RecordedAuditEvent[];

  async function start(
    config: object = {},
    extra: Entity[] = [],
    modules: ReturnType<typeof createBackendModule>[] = [standInSources],
  ) {
    knex = await databases.init(id);
    const auditor = recordingAuditor();
    audits = auditor.events;
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        ...modules,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: config }),
        catalogServiceMock.factory({ entities: [...entities, ...extra] }),
        auditor.factory,
      ],
    });
    return server;
  }

  const storedReports = async () =>
    (await knex('ops_backup_reports').count({ n: '*' }))[0].n;

  it('a source type whose module is not installed names the module to add', async () => {
    const server = await start({}, [], []);
    const items = (
      await getBackups(server, 'resource:default/mairust-postgres').expect(200)
    ).body.items;
    expect(items[0]).toMatchObject({
      target: 'wal',
      status: 'unknown',
      sourceError: expect.stringContaining(
        "backend.add(import('@unyo/plugin-ops-backend-module-postgres'))",
      ),
    });
    expect(items[1]).toMatchObject({
      target: 'daily-dump',
      status: 'unknown',
      message: expect.stringContaining('@unyo/plugin-ops-backend-module-aws'),
    });
  });

  it('a valid push report updates the status at once, and is audited', async () => {
    const server = await start();
    const before = await getBackups(server, 'resource:default/mairust-config');
    expect(before.status).toBe(200);
    expect(before.body.notConfigured).toEqual(['ops.backups.sources']);
    expect(before.body.items).toHaveLength(1);
    expect(before.body.items[0]).toMatchObject({
      policyRef: CONFIG_POLICY,
      target: 'daily-config',
      source: { type: 'push' },
      status: 'unknown',
      lastSuccessAt: null,
      ageSeconds: null,
      rpoSeconds: 86400,
      retention: { expected: 90, found: 0 },
      lastRestoreTestAt: null,
    });

    const finishedAt = minutesAgo(10);
    const posted = await pushReport(server, {
      policyRef: CONFIG_POLICY,
      target: 'daily-config',
      status: 'succeeded',
      startedAt: minutesAgo(12),
      finishedAt,
      sizeBytes: 52_428_800,
      location: '/backup/config/2026-11-23.tar.gz',
    });
    expect(posted.status).toBe(201);
    expect(posted.body.report).toMatchObject({
      policyRef: CONFIG_POLICY,
      target: 'daily-config',
      status: 'succeeded',
      sizeBytes: 52_428_800,
      finishedAt: new Date(finishedAt).toISOString(),
    });
    expect(posted.body.status.status).toBe('ok');

    const after = await getBackups(server, 'resource:default/mairust-config');
    const [item] = after.body.items;
    expect(item).toMatchObject({
      status: 'ok',
      lastSuccessAt: new Date(finishedAt).toISOString(),
      retention: { expected: 90, found: 1 },
    });
    expect(item.ageSeconds).toBeGreaterThanOrEqual(600);
    expect(item.ageSeconds).toBeLessThan(700);
    expect(await storedReports()).toEqual(id.startsWith('POSTGRES') ? '1' : 1);
    expect(audits).toEqual([
      expect.objectContaining({
        eventId: 'backup-report',
        outcome: 'success',
        meta: expect.objectContaining({
          policyRef: CONFIG_POLICY,
          target: 'daily-config',
        }),
      }),
    ]);

    // A later failed run makes it failing.
    await pushReport(server, {
      policyRef: CONFIG_POLICY,
      target: 'daily-config',
      status: 'failed',
      startedAt: minutesAgo(3),
      finishedAt: minutesAgo(2),
      message: 'cp: cannot stat /etc/mairust',
    }).expect(201);
    const failing = await getBackups(server, CONFIG_POLICY);
    expect(failing.body.items[0]).toMatchObject({
      status: 'failing',
      lastSuccessAt: new Date(finishedAt).toISOString(),
    });
    expect(failing.body.items[0].lastFailureAt).not.toBeNull();
  });

  it.each([
    [{ policyRef: undefined }, 'policyRef is required'],
    [
      { policyRef: 'component:default/mairust-smtp' },
      'policyRef must be a BackupPolicy ref',
    ],
    [{ target: 'Daily Config!' }, 'target must be the name of a target'],
    [{ status: 'done' }, 'status must be "succeeded" or "failed"'],
    [{ startedAt: 'yesterday' }, 'startedAt must be an ISO 8601 date-time'],
    [{ finishedAt: undefined }, 'finishedAt is required'],
    [{ sizeBytes: -1 }, 'sizeBytes must not be negative'],
    [{ sizeBytes: '12' }, 'sizeBytes must be a number of bytes'],
    [{ extra: 1 }, 'extra is not a field of a backup report'],
    [
      { startedAt: minutesAgo(1), finishedAt: minutesAgo(5) },
      'finishedAt must not be before startedAt',
    ],
    [
      { finishedAt: new Date(Date.now() + 3_600_000).toISOString() },
      'finishedAt must not be in the future',
    ],
  ])(
    'a malformed report %j is refused naming the field, nothing changes',
    async (change, message) => {
      const server = await start();
      // A push target is read live: only when it was read may differ.
      const state = async () => ({
        ...(await getBackups(server, CONFIG_POLICY)).body.items[0],
        checkedAt: undefined,
      });
      const before = await state();
      const res = await pushReport(server, { ...configRun(), ...change });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
      expect(Number(await storedReports())).toBe(0);
      expect(await state()).toEqual(before);
      expect(before.status).toBe('unknown');
      expect(audits).toEqual([
        expect.objectContaining({ eventId: 'backup-report', outcome: 'fail' }),
      ]);
    },
  );

  it('an unknown target or policy is a 404 naming it; users may not push', async () => {
    const server = await start();
    const valid = configRun();
    const target = await pushReport(server, {
      ...valid,
      target: 'weekly-config',
    });
    expect(target.status).toBe(404);
    expect(target.body.error.message).toContain(
      'target "weekly-config" is not a target',
    );
    const policy = await pushReport(server, {
      ...valid,
      policyRef: 'backuppolicy:default/nope',
    });
    expect(policy.status).toBe(404);
    expect(policy.body.error.message).toContain(
      'policyRef backuppolicy:default/nope',
    );
    const user = await request(server)
      .post('/api/ops/backups/reports')
      .set('Authorization', alice)
      .send(valid);
    expect(user.status).toBe(403);
    expect(Number(await storedReports())).toBe(0);
  });

  it('a connection missing from config is unknown naming its key; restore drills against the RTO', async () => {
    const server = await start();
    const list = async () =>
      (
        await getBackups(server, 'resource:default/mairust-postgres').expect(
          200,
        )
      ).body.items;
    const items = await list();
    expect(items.map((i: any) => i.target)).toEqual([
      'wal',
      'daily-dump',
      'restore-test',
    ]);
    expect(items[0]).toMatchObject({
      status: 'unknown',
      rpoSeconds: 3600,
      message:
        'Connection "demo-postgres" is not configured: set ops.backups.sources.demo-postgres',
      sourceError: expect.stringContaining('ops.backups.sources.demo-postgres'),
    });
    expect(items[1]).toMatchObject({
      status: 'unknown',
      // A daily dump under a 1 h RPO is held to its day.
      rpoSeconds: 86400,
      policyRpoSeconds: 3600,
      message: expect.stringContaining('ops.backups.sources.demo-s3'),
    });
    expect(items[2]).toMatchObject({
      target: 'restore-test',
      status: 'unknown',
      lastRestoreTestAt: null,
    });

    await pushReport(server, {
      policyRef: 'default/mairust-db-backups',
      target: 'restore-test',
      status: 'succeeded',
      startedAt: minutesAgo(50),
      finishedAt: minutesAgo(5),
    }).expect(201);
    const drilled = await list();
    const at = drilled[2].lastRestoreTestAt;
    expect(drilled[2]).toMatchObject({
      status: 'ok',
      lastRestoreTest: {
        status: 'succeeded',
        durationSeconds: 2700,
        withinRto: true,
      },
    });
    // Every row of the policy carries the drill.
    expect(drilled.map((i: any) => i.lastRestoreTestAt)).toEqual([at, at, at]);
  });

  it('configured connections: no missing key; a type mismatch is named', async () => {
    const server = await start({
      ops: {
        backups: {
          sources: {
            'demo-s3': { type: 's3', endpoint: 'http://127.0.0.1:9' },
            'demo-postgres': { type: 's3' },
          },
        },
      },
    });
    const res = await getBackups(
      server,
      'resource:default/mairust-postgres',
    ).expect(200);
    expect(res.body.notConfigured).toEqual([]);
    expect(res.body.items[0].message).toBe(
      'ops.backups.sources.demo-postgres has type "s3" but the target\'s source is "postgres-wal"',
    );
    expect(res.body.items[1].message).toMatch(/^Not read yet/);
  });

  it('coverage of a system: its resources and what protects them', async () => {
    const server = await start();
    await pushReport(server, configRun()).expect(201);
    const res = await request(server)
      .get('/api/ops/backups/coverage?entityRef=system:default/mairust')
      .set('Authorization', alice);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'system:default/mairust',
      covered: 2,
      total: 3,
      items: [
        {
          entityRef: 'resource:default/mairust-cache',
          kind: 'Resource',
          type: 'database',
          policies: [],
          status: null,
        },
        {
          entityRef: 'resource:default/mairust-config',
          kind: 'Resource',
          type: 'database',
          policies: [CONFIG_POLICY],
          status: 'ok',
        },
        {
          entityRef: 'resource:default/mairust-postgres',
          kind: 'Resource',
          type: 'database',
          policies: [DB_POLICY],
          status: 'unknown',
        },
      ],
    });
    const notSystem = await request(server)
      .get('/api/ops/backups/coverage?entityRef=resource:default/mairust-cache')
      .set('Authorization', alice);
    expect(notSystem.status).toBe(400);
    expect(notSystem.body.error.message).toContain(
      'entityRef must be a system',
    );
  });

  it("the SLO report's summary counts targets within RPO, for all and through a service's dependencies", async () => {
    // mairust-smtp depends on the config store; an SLO measures it.
    const smtp = entities.find(e => e.metadata.name === 'mairust-smtp')!;
    const server = await start({}, [
      {
        ...smtp,
        metadata: { ...smtp.metadata, name: 'mairust-imap' },
        spec: { ...smtp.spec, system: 'mairust' },
        relations: [
          { type: 'partOf', targetRef: 'system:default/mairust' },
          { type: 'dependsOn', targetRef: 'resource:default/mairust-config' },
        ],
      },
      {
        apiVersion: 'openslo/v1',
        kind: 'SLO',
        metadata: { name: 'mairust-imap-availability', namespace: 'default' },
        spec: {
          service: 'mairust-imap',
          indicatorRef: 'x',
          timeWindow: [{ duration: '30d', isRolling: true }],
          budgetingMethod: 'Occurrences',
          objectives: [{ target: 0.99 }],
        },
      },
    ]);
    const summary = (query: object) =>
      request(server)
        .get('/api/ops/slo-report/summary')
        .query(query)
        .set('Authorization', alice);

    // wal and daily-dump are not read (no connections), daily-config not pushed yet.
    expect((await summary({})).body.backupCoverage).toEqual({
      covered: 0,
      total: 3,
    });
    await pushReport(server, configRun()).expect(201);
    expect((await summary({})).body.backupCoverage).toEqual({
      covered: 1,
      total: 3,
    });
    // Scoped to the system: its one SLO's service depends on the config store only.
    const scoped = await summary({ system: 'system:default/mairust' });
    expect(scoped.status).toBe(200);
    expect(scoped.body.backupCoverage).toEqual({ covered: 1, total: 1 });
  });

  it('names a missing or unknown entityRef', async () => {
    const server = await start();
    const missing = await request(server)
      .get('/api/ops/backups')
      .set('Authorization', alice);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('entityRef');
    const unknown = await getBackups(server, 'resource:default/nope');
    expect(unknown.status).toBe(404);
  });
});
