import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import {
  BackupPolicyEntity,
  BackupTarget,
  evaluateBackupTarget,
} from '@unyo/plugin-ops-common';
import {
  describeWithPrometheus,
  prometheusForSuite,
} from '../../../__testUtils__/prometheus';
import { createPrometheusClients } from '../../../prometheus/PrometheusClients';
import { freePort } from '@internal/ops-test-utils';
import { PrometheusBackupReader } from './PrometheusBackupReader';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// The last Sunday 14:00 in Tokyo (05:00 UTC) before the test runs: relative
// to now, so the samples stay inside the test Prometheus's retention.
const now = (() => {
  const t = new Date();
  t.setUTCHours(5, 0, 0, 0);
  // getUTCDay: 0 is Sunday; step back to the last Sunday not after now.
  t.setTime(t.getTime() - t.getUTCDay() * DAY);
  if (t.getTime() > Date.now()) t.setTime(t.getTime() - 7 * DAY);
  return t;
})();
// The last good rsync: Sunday 04:30 JST, after the 04:00 run.
const lastBackup = new Date(now.getTime() - 9.5 * HOUR);
// The next run: the following Sunday 04:00 JST (Saturday 19:00 UTC).
const nextRun = new Date(now.getTime() + 6 * DAY + 14 * HOUR);

const target: BackupTarget = {
  name: 'weekly-mail',
  type: 'differential',
  schedule: { cron: '0 4 * * 0', timezone: 'Asia/Tokyo' },
  retention: '28d',
  retentionCount: 4,
  source: {
    type: 'prometheus',
    query:
      'time() - max(mairust_mail_backup_age_seconds{service="mairust-smtp"})',
  },
};
const policy: BackupPolicyEntity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'BackupPolicy',
  metadata: { name: 'mairust-mail-backups', namespace: 'default' },
  spec: {
    owner: 'group:default/mairust-team',
    protects: ['resource:default/mairust-mail-store'],
    rpo: '7d',
    targets: [target],
  },
};

describeWithPrometheus('PrometheusBackupReader against Prometheus', () => {
  // The rsync job's exporter: the age of its last good run, every minute
  // for the hour before `now`.
  const samples: Array<[number, number]> = [];
  for (let t = now.getTime() - 60 * MINUTE; t <= now.getTime(); t += MINUTE) {
    samples.push([t, (t - lastBackup.getTime()) / 1000]);
  }
  const prometheus = prometheusForSuite(
    {
      series: [
        {
          name: 'mairust_mail_backup_age_seconds',
          labels: { service: 'mairust-smtp' },
          samples,
        },
      ],
    },
    120_000,
  );
  let reader: PrometheusBackupReader;
  // A loopback port nothing listens on: the "other" server is down.
  let downUrl = '';

  beforeAll(async () => {
    downUrl = `http://127.0.0.1:${await freePort()}`;
    reader = new PrometheusBackupReader({
      logger: mockServices.logger.mock(),
      prometheus: createPrometheusClients(
        [
          {
            name: 'default',
            url: prometheus.url,
            headers: {},
            timeout: { seconds: 5 },
          },
          {
            name: 'other',
            url: downUrl,
            headers: {},
            timeout: { seconds: 1 },
          },
        ],
        { retry: { attempts: 1 } },
      ),
    });
  });

  it('reads the Unix time of the last good backup; age and status follow', async () => {
    const reading = await reader.read({ policy, target, now });
    expect(reading.lastSuccessAt).toEqual(lastBackup);
    expect(reading.copies).toEqual([]);
    expect(reading.details).toEqual({ prometheusServer: 'default', series: 1 });
    const status = evaluateBackupTarget({
      policyRef: 'backuppolicy:default/mairust-mail-backups',
      policy: { rpo: '7d', protects: [] },
      target,
      reading: { value: reading, checkedAt: now },
      now,
    });
    expect(status).toMatchObject({
      lastSuccessAt: lastBackup.toISOString(),
      ageSeconds: 9.5 * 3600,
      rpoSeconds: 7 * 86400,
      status: 'ok',
      // Four copies by count; the query only knows the newest.
      retention: { expected: 4, found: null },
      // Next Sunday 04:00 JST.
      nextDueAt: nextRun.toISOString(),
    });
  });

  it('no series is no backup found (unknown), not an error', async () => {
    const reading = await reader.read({
      policy,
      target: {
        ...target,
        source: { type: 'prometheus', query: 'time() - max(no_such_metric)' },
      },
      now,
    });
    expect(reading.lastSuccessAt).toBeNull();
    expect(
      evaluateBackupTarget({
        policyRef: 'backuppolicy:default/mairust-mail-backups',
        policy: { rpo: '7d', protects: [] },
        target,
        reading: { value: reading, checkedAt: now },
        now,
      }).status,
    ).toBe('unknown');
  });

  it('names a value that is not a time, a missing server and a server that is down', async () => {
    await expect(
      reader.read({
        policy,
        target: {
          ...target,
          source: { type: 'prometheus', query: 'vector(0) / 0' },
        },
        now,
      }),
    ).rejects.toThrow('source.query of target weekly-mail returned NaN');
    const connection = (server: string) => ({
      name: 'metrics',
      type: 'prometheus',
      config: new ConfigReader({ type: 'prometheus', server }),
    });
    await expect(
      reader.read({ policy, target, now, connection: connection('nope') }),
    ).rejects.toThrow(
      'No Prometheus server named "nope" in ops.prometheus.servers',
    );
    await expect(
      reader.read({ policy, target, now, connection: connection('other') }),
    ).rejects.toThrow(
      'Prometheus server "other" could not be reached: connection refused',
    );
    const unconfigured = new PrometheusBackupReader({
      logger: mockServices.logger.mock(),
    });
    await expect(unconfigured.read({ policy, target, now })).rejects.toThrow(
      'set ops.prometheus.servers',
    );
  });
});
