import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { BackupPolicyEntity, BackupTarget } from '@unyo/plugin-ops-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startTestHttpServer,
  type RecordedRequest,
  type TestHttpServer,
} from '@internal/ops-test-utils';
import { RdsReader } from './RdsReader';

// RDS's control plane cannot run here: the real AWS SDK talks to a loopback
// server that replays RDS Query API (XML) responses shaped as AWS documents
// them, and the test checks the requests the SDK sent.
const fixture = (name: string) =>
  readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

function policyWith(target: BackupTarget): BackupPolicyEntity {
  return {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name: 'rds-test', namespace: 'default' },
    spec: {
      owner: 'group:default/sre',
      protects: ['resource:default/db'],
      rpo: '1h',
      targets: [{ name: 'other', source: { type: 'push' } }, target],
    },
  };
}

const form = (request: RecordedRequest) => new URLSearchParams(request.body);

describe('RdsReader (a local HTTP server answering documented RDS API response shapes, written by hand)', () => {
  let server: TestHttpServer;
  let reader: RdsReader;
  let notFound = false;

  beforeAll(async () => {
    server = await startTestHttpServer((request, response) => {
      const params = form(request);
      const send = (status: number, body: string) => {
        response.writeHead(status, { 'Content-Type': 'text/xml' });
        response.end(body);
      };
      if (notFound) {
        send(404, fixture('DBInstanceNotFound.xml'));
      } else if (params.get('Action') === 'DescribeDBInstances') {
        send(200, fixture('DescribeDBInstances.xml'));
      } else if (params.get('Action') === 'DescribeDBSnapshots') {
        send(
          200,
          fixture(
            params.get('Marker')
              ? 'DescribeDBSnapshots-page2.xml'
              : 'DescribeDBSnapshots-page1.xml',
          ),
        );
      } else {
        send(
          400,
          '<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>',
        );
      }
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
    notFound = false;
    reader = new RdsReader({ logger: mockServices.logger.mock() });
  });

  afterAll(() => server.close());

  const connection = () => ({
    name: 'aws-tokyo',
    type: 'rds',
    config: new ConfigReader({
      region: 'ap-northeast-1',
      endpoint: server.url,
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    }),
  });

  const read = (target: BackupTarget, signal?: AbortSignal) =>
    reader.read({
      policy: policyWith(target),
      target,
      connection: connection(),
      now: new Date('2026-11-23T07:00:00Z'),
      signal,
    });

  const snapshotTarget: BackupTarget = {
    name: 'daily-snapshot',
    type: 'snapshot',
    schedule: { every: '1d' },
    retention: '7d',
    source: {
      type: 'rds',
      connection: 'aws-tokyo',
      dbInstanceIdentifier: 'mairust-prod',
    },
  };

  it('lists the automated snapshots over every page, newest first', async () => {
    const reading = await read(snapshotTarget);
    expect(
      reading.copies.map(c => [
        c.location,
        c.status,
        c.finishedAt.toISOString(),
      ]),
    ).toEqual([
      [
        'rds:mairust-prod-2026-11-22-17-05',
        'succeeded',
        '2026-11-22T17:05:12.345Z',
      ],
      [
        'rds:mairust-prod-2026-11-21-17-06',
        'succeeded',
        '2026-11-21T17:06:01.002Z',
      ],
      [
        'rds:mairust-prod-2026-11-20-17-04',
        'failed',
        '2026-11-20T17:04:30.000Z',
      ],
      [
        'rds:mairust-prod-2026-11-19-17-05',
        'succeeded',
        '2026-11-19T17:05:45.000Z',
      ],
    ]);
    expect(reading.copies[0]).toMatchObject({
      type: 'snapshot',
      sizeBytes: 100 * 1024 ** 3,
    });
    expect(reading.lastSuccessAt).toBeUndefined();
    expect(reading.retentionFound).toBe(3);
    expect(reading.details).toEqual({
      dbInstanceStatus: 'available',
      engine: 'postgres',
      latestRestorableTime: '2026-11-23T06:55:00.000Z',
      backupRetentionPeriodDays: 7,
      preferredBackupWindow: '17:00-17:30',
      automatedSnapshots: 3,
      snapshotsCreating: 1,
    });
    expect(reading.warning).toBeUndefined();

    // The SDK sent signed Query API calls: the instance, then two pages of snapshots.
    expect(
      server.requests.map(r => [r.method, r.url, form(r).get('Action')]),
    ).toEqual([
      ['POST', '/', 'DescribeDBInstances'],
      ['POST', '/', 'DescribeDBSnapshots'],
      ['POST', '/', 'DescribeDBSnapshots'],
    ]);
    expect(Object.fromEntries(form(server.requests[0]))).toEqual({
      Action: 'DescribeDBInstances',
      Version: '2014-10-31',
      DBInstanceIdentifier: 'mairust-prod',
    });
    expect(Object.fromEntries(form(server.requests[1]))).toEqual({
      Action: 'DescribeDBSnapshots',
      Version: '2014-10-31',
      DBInstanceIdentifier: 'mairust-prod',
      SnapshotType: 'automated',
      MaxRecords: '100',
    });
    expect(form(server.requests[2]).get('Marker')).toBe(
      'eyJNYXJrZXIiOiAicmRzOm1haXJ1c3QtcHJvZC0yMDI2LTExLTIxLTE3LTA2In0=',
    );
    expect(server.requests[0].headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-northeast-1\/rds\/aws4_request, /,
    );
  });

  it('judges a wal target on the latest restorable time', async () => {
    const reading = await read({
      name: 'pitr',
      type: 'wal',
      source: {
        type: 'rds',
        connection: 'aws-tokyo',
        dbInstanceIdentifier: 'mairust-prod',
      },
    });
    expect(reading.lastSuccessAt).toEqual(new Date('2026-11-23T06:55:00Z'));
    expect(reading.copies).toEqual([]);
    expect(reading.retentionFound).toBeNull();
  });

  it('rejects an identifier that is not an RDS identifier, naming the field, before any call', async () => {
    await expect(
      read({
        name: 'bad',
        type: 'snapshot',
        source: {
          type: 'rds',
          connection: 'aws-tokyo',
          dbInstanceIdentifier: 'x&Action=DeleteDBInstance',
        },
      }),
    ).rejects.toThrow(
      "spec.targets[1].source.dbInstanceIdentifier must be an RDS instance identifier (a letter, then letters, digits or hyphens; at most 63), got 'x&Action=DeleteDBInstance'",
    );
    await expect(
      read({
        name: 'none',
        type: 'snapshot',
        source: { type: 'rds', connection: 'aws-tokyo' },
      }),
    ).rejects.toThrow(
      'spec.targets[1].source.dbInstanceIdentifier is required for an rds source',
    );
    expect(server.requests).toHaveLength(0);
  });

  it("names the call and AWS's error code when RDS refuses", async () => {
    notFound = true;
    await expect(read(snapshotTarget)).rejects.toThrow(
      "RDS DescribeDBInstances of 'mairust-prod' failed: DBInstanceNotFoundFault (HTTP 404): DBInstance mairust-gone not found.",
    );
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(read(snapshotTarget, controller.signal)).rejects.toThrow(
      "RDS DescribeDBInstances of 'mairust-prod' was aborted",
    );
  });

  it('requires both keys or neither', async () => {
    await expect(
      reader.read({
        policy: policyWith(snapshotTarget),
        target: snapshotTarget,
        connection: {
          name: 'half',
          type: 'rds',
          config: new ConfigReader({ accessKeyId: 'AKID' }),
        },
        now: new Date(),
      }),
    ).rejects.toThrow(
      'ops.backups.sources.half needs both accessKeyId and secretAccessKey, or neither (default credential chain)',
    );
  });
});
