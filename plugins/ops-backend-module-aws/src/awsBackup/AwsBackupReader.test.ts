import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  evaluateBackupTarget,
  type BackupPolicyEntity,
  type BackupTarget,
} from '@unyo/plugin-ops-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  sendJson,
  startTestHttpServer,
  type TestHttpServer,
} from '@internal/ops-test-utils';
import { AwsBackupReader } from './AwsBackupReader';

// AWS Backup's control plane cannot run here: the real AWS SDK talks to a
// loopback server that replays AWS Backup REST-JSON responses shaped as AWS
// documents them, and the test checks the requests the SDK sent.
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));

const ARN = 'arn:aws:rds:ap-northeast-1:123456789012:db:mairust-prod';
const NOW = new Date('2026-11-23T07:00:00Z');

function policyWith(target: BackupTarget): BackupPolicyEntity {
  return {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name: 'aws-backup-test', namespace: 'default' },
    spec: {
      owner: 'group:default/sre',
      protects: ['resource:default/db'],
      rpo: '1d',
      targets: [target],
    },
  };
}

describe('AwsBackupReader (a local HTTP server answering documented AWS Backup API response shapes, written by hand)', () => {
  let server: TestHttpServer;
  let reader: AwsBackupReader;
  let missing = false;

  beforeAll(async () => {
    server = await startTestHttpServer((request, response) => {
      const url = new URL(request.url, 'http://localhost');
      if (missing) {
        response.writeHead(404, {
          'Content-Type': 'application/json',
          'x-amzn-ErrorType': 'ResourceNotFoundException',
        });
        response.end(JSON.stringify(fixture('ResourceNotFoundException.json')));
      } else if (url.pathname === '/backup-jobs') {
        sendJson(
          response,
          200,
          fixture(
            url.searchParams.get('nextToken')
              ? 'ListBackupJobs-page2.json'
              : 'ListBackupJobs-page1.json',
          ),
        );
      } else if (url.pathname.startsWith('/resources/')) {
        sendJson(response, 200, fixture('ListRecoveryPointsByResource.json'));
      } else {
        sendJson(response, 404, { message: `no route ${url.pathname}` });
      }
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
    missing = false;
    reader = new AwsBackupReader({ logger: mockServices.logger.mock() });
  });

  afterAll(() => server.close());

  const target: BackupTarget = {
    name: 'daily',
    type: 'snapshot',
    schedule: { cron: '0 5 * * *', timezone: 'UTC' },
    retention: '7d',
    source: {
      type: 'aws-backup',
      connection: 'aws',
      resourceArn: ARN,
      backupVaultName: 'mairust-vault',
    },
  };

  const read = (t: BackupTarget = target, signal?: AbortSignal) =>
    reader.read({
      policy: policyWith(t),
      target: t,
      connection: {
        name: 'aws',
        type: 'aws-backup',
        config: new ConfigReader({
          region: 'ap-northeast-1',
          endpoint: server.url,
          accessKeyId: 'AKIDEXAMPLE',
          secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
        }),
      },
      now: NOW,
      signal,
    });

  it('turns backup jobs into copies and counts the kept recovery points', async () => {
    const reading = await read();
    expect(
      reading.copies.map(c => [
        c.status,
        c.finishedAt.toISOString(),
        c.location ?? null,
      ]),
    ).toEqual([
      [
        'succeeded',
        '2026-11-22T05:31:07.000Z',
        'arn:aws:rds:ap-northeast-1:123456789012:snapshot:awsbackup:job-4d8c0b1a',
      ],
      ['failed', '2026-11-21T05:02:13.000Z', null],
      // EXPIRED jobs never ran: they count as failed at their creation time.
      ['failed', '2026-11-20T05:00:00.000Z', null],
      [
        'succeeded',
        '2026-11-19T05:29:44.000Z',
        'arn:aws:rds:ap-northeast-1:123456789012:snapshot:awsbackup:job-1a597e8d',
      ],
      ['failed', '2026-11-18T05:10:00.000Z', null],
    ]);
    expect(reading.copies[0]).toMatchObject({
      type: 'snapshot',
      startedAt: new Date('2026-11-22T05:00:00Z'),
      sizeBytes: 107374182400,
    });
    // COMPLETED and AVAILABLE points in the vault; not the EXPIRED one nor the DR vault's copy.
    expect(reading.retentionFound).toBe(3);
    expect(reading.details).toEqual({
      jobsListed: 6,
      jobsRunning: 1,
      recoveryPoints: 3,
      oldestRecoveryPoint: '2026-11-15T05:00:00.000Z',
      lastFailedJob: '3c7b9a0f-8e1d-4c5b-6a4f-9d0e1f2a3b4c',
      lastFailedState: 'FAILED',
      lastFailureMessage: 'Insufficient privileges to perform this action.',
    });

    const [jobs1, jobs2, points] = server.requests.map(
      r => new URL(r.url, 'http://localhost'),
    );
    expect(server.requests.map(r => r.method)).toEqual(['GET', 'GET', 'GET']);
    expect(jobs1.pathname).toBe('/backup-jobs');
    expect(Object.fromEntries(jobs1.searchParams)).toEqual({
      resourceArn: ARN,
      backupVaultName: 'mairust-vault',
      createdAfter: '2026-11-16T07:00:00Z',
      maxResults: '100',
    });
    expect(jobs2.searchParams.get('nextToken')).toBe(
      'AAMA-EFRSHzGhtOaGt0aaJ8wnvd7t2Ttc2I5aGV0',
    );
    // The ARN is one URL-encoded path segment.
    expect(server.requests[2].url).toBe(
      '/resources/arn%3Aaws%3Ards%3Aap-northeast-1%3A123456789012%3Adb%3Amairust-prod/recovery-points?maxResults=100',
    );
    expect(points.pathname).toContain('/recovery-points');
    expect(server.requests[0].headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-northeast-1\/backup\/aws4_request, /,
    );
  });

  it("lets the core judge the target: breached while today's job is still running past the RPO", async () => {
    const reading = await read();
    const status = evaluateBackupTarget({
      policyRef: 'backuppolicy:default/aws-backup-test',
      policy: policyWith(target).spec,
      target,
      reading: { value: reading, checkedAt: NOW },
      now: NOW,
    });
    expect(status.lastSuccessAt).toBe('2026-11-22T05:31:07.000Z');
    // 25.5 h since the last COMPLETED job, over the 1 d RPO.
    expect(status.ageSeconds).toBe(91733);
    expect(status.status).toBe('breached');
    expect(status.retention).toEqual({ expected: 7, found: 3 });
  });

  it('rejects ARNs and vault names that are not, naming the field, before any call', async () => {
    await expect(
      read({
        ...target,
        source: { ...target.source, resourceArn: `${ARN}?x=1` },
      }),
    ).rejects.toThrow(
      `spec.targets[0].source.resourceArn must be an AWS resource ARN, got '${ARN}?x=1'`,
    );
    await expect(
      read({ ...target, source: { ...target.source, backupVaultName: 'a/b' } }),
    ).rejects.toThrow(
      "spec.targets[0].source.backupVaultName must be a backup vault name (2-50 letters, digits, - or _), got 'a/b'",
    );
    await expect(
      read({ ...target, source: { type: 'aws-backup', connection: 'aws' } }),
    ).rejects.toThrow(
      'spec.targets[0].source.resourceArn is required for an aws-backup source',
    );
    expect(server.requests).toHaveLength(0);
  });

  it("names the call and AWS's error when AWS Backup refuses", async () => {
    missing = true;
    await expect(read()).rejects.toThrow(
      `AWS Backup ListBackupJobs of '${ARN}' failed: ResourceNotFoundException (HTTP 404): Resource arn:aws:rds:ap-northeast-1:123456789012:db:mairust-gone not found`,
    );
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(read(target, controller.signal)).rejects.toThrow(
      `AWS Backup ListBackupJobs of '${ARN}' was aborted`,
    );
  });
});
