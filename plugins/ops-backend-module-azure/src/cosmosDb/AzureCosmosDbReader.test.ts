import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { TokenCredential } from '@azure/core-auth';
import {
  evaluateBackupTarget,
  type BackupPolicyEntity,
  type BackupTarget,
} from '@unyo/plugin-ops-common';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AzureCosmosDbReader } from './AzureCosmosDbReader';

// Azure Resource Manager cannot run here: the real Azure SDK talks to a
// loopback HTTPS server that replays ARM responses shaped as Azure documents
// them, and the test checks the requests the SDK sent. The SDK sends bearer
// tokens over TLS only, so the server has a certificate made for this run,
// trusted through the client's tlsOptions; the token comes from a static
// TokenCredential.
const fixture = (name: string) =>
  readFile(join(__dirname, '__fixtures__', name), 'utf8');

const SUB = '00000000-0000-0000-0000-000000000000';
const NOW = new Date('2026-11-23T07:00:00Z');

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
}

function policyWith(target: BackupTarget, rpo = '4h'): BackupPolicyEntity {
  return {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name: 'cosmos-test', namespace: 'default' },
    spec: {
      owner: 'group:default/sre',
      protects: ['resource:default/cosmos'],
      rpo,
      targets: [target],
    },
  };
}

describe('AzureCosmosDbReader (a local HTTPS server answering documented Azure Resource Manager response shapes, written by hand)', () => {
  let server: Server;
  let endpoint: string;
  let ca: string;
  let certDir: string;
  const requests: Recorded[] = [];
  const scopes: string[][] = [];
  const credential: TokenCredential = {
    getToken: async s => {
      scopes.push(Array.isArray(s) ? s : [s]);
      return { token: 'test-token', expiresOnTimestamp: Date.now() + 3600_000 };
    },
  };
  let reader: AzureCosmosDbReader;

  beforeAll(async () => {
    certDir = await mkdtemp(join(tmpdir(), 'unyo-arm-'));
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      join(certDir, 'key.pem'),
      '-out',
      join(certDir, 'cert.pem'),
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]);
    ca = await readFile(join(certDir, 'cert.pem'), 'utf8');
    server = createServer(
      { key: await readFile(join(certDir, 'key.pem')), cert: ca },
      (req, res) => {
        requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          authorization: req.headers.authorization,
        });
        const path = new URL(req.url ?? '/', 'https://localhost').pathname;
        const send = async (status: number, name: string) => {
          res.writeHead(status, {
            'Content-Type': 'application/json; charset=utf-8',
          });
          res.end(await fixture(name));
        };
        const base = `/subscriptions/${SUB}/resourceGroups/rg-poc-prod/providers/Microsoft.DocumentDB/databaseAccounts/`;
        if (path === `${base}cosmos-poc-prod`)
          void send(200, 'databaseAccount-periodic.json');
        else if (path === `${base}cosmos-orders`)
          void send(200, 'databaseAccount-continuous.json');
        else if (
          path ===
          `/subscriptions/${SUB}/providers/Microsoft.DocumentDB/locations/japaneast/restorableDatabaseAccounts/d9b26648-2f53-4541-b3d8-3044f4f9810d`
        )
          void send(200, 'restorableDatabaseAccount.json');
        else void send(404, 'ResourceNotFound.json');
      },
    );
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    endpoint = `https://127.0.0.1:${
      (server.address() as { port: number }).port
    }`;
  });

  beforeEach(() => {
    requests.length = 0;
    reader = new AzureCosmosDbReader({
      logger: mockServices.logger.mock(),
      credential,
      clientOptions: { tlsOptions: { ca } },
    });
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise(resolve => server?.close(resolve));
    await rm(certDir, { recursive: true, force: true });
  });

  const connection = (extra: object = {}) => ({
    name: 'azure',
    type: 'azure-cosmosdb',
    config: new ConfigReader({ endpoint, ...extra }),
  });

  const periodic: BackupTarget = {
    name: 'periodic',
    type: 'full',
    schedule: { every: '4h' },
    retention: '7d',
    source: {
      type: 'azure-cosmosdb',
      connection: 'azure',
      subscriptionId: SUB,
      resourceGroup: 'rg-poc-prod',
      account: 'cosmos-poc-prod',
    },
  };

  const read = (
    target: BackupTarget,
    extra: object = {},
    signal?: AbortSignal,
  ) =>
    reader.read({
      policy: policyWith(target),
      target,
      connection: connection(extra),
      now: NOW,
      signal,
    });

  it('reads a periodic policy and infers the last backup from its interval', async () => {
    const reading = await read(periodic);
    expect(reading.lastSuccessAt).toEqual(new Date('2026-11-23T03:00:00Z'));
    expect(reading.copies).toEqual([]);
    expect(reading.retentionFound).toBe(42);
    expect(reading.details).toMatchObject({
      backupMode: 'Periodic',
      backupIntervalInMinutes: 240,
      backupRetentionIntervalInHours: 168,
      backupStorageRedundancy: 'Geo',
      provisioningState: 'Succeeded',
      inferred: true,
    });
    expect(reading.details?.note).toContain(
      'Azure does not list periodic backups',
    );

    expect(requests).toEqual([
      {
        method: 'GET',
        url: `/subscriptions/${SUB}/resourceGroups/rg-poc-prod/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-poc-prod?api-version=2026-03-15`,
        authorization: 'Bearer test-token',
      },
    ]);
    expect(scopes[0]).toEqual(['https://management.azure.com/.default']);

    // A 4-hourly backup kept 7 days meets the policy: ok, 42 of 42 copies.
    const status = evaluateBackupTarget({
      policyRef: 'backuppolicy:default/cosmos-test',
      policy: policyWith(periodic).spec,
      target: periodic,
      reading: { value: reading, checkedAt: NOW },
      now: NOW,
    });
    expect(status.status).toBe('ok');
    expect(status.retention).toEqual({ expected: 42, found: 42 });
  });

  it('shows a configured interval longer than the RPO as breached', async () => {
    const reading = await read(periodic);
    const strict = policyWith({ ...periodic, schedule: undefined }, '1h');
    const status = evaluateBackupTarget({
      policyRef: 'backuppolicy:default/cosmos-test',
      policy: strict.spec,
      target: { ...periodic, schedule: undefined },
      reading: { value: reading, checkedAt: NOW },
      now: NOW,
    });
    expect(status.status).toBe('breached');
  });

  it('reads a continuous policy from the restorable account', async () => {
    const reading = await read({
      ...periodic,
      name: 'continuous',
      source: { ...periodic.source, account: 'cosmos-orders' },
    });
    expect(reading.lastSuccessAt).toEqual(new Date(NOW.getTime() - 100_000));
    expect(reading.retentionFound).toBeNull();
    expect(reading.warning).toBeUndefined();
    expect(reading.details).toMatchObject({
      backupMode: 'Continuous',
      tier: 'Continuous7Days',
      retentionDays: 7,
      oldestRestorableTime: '2026-11-16T07:00:00.000Z',
      // The deleted Korea Central region is not restorable.
      restorableLocations: 'Japan East, Japan West',
    });
    expect(requests.map(r => r.url)).toEqual([
      `/subscriptions/${SUB}/resourceGroups/rg-poc-prod/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-orders?api-version=2026-03-15`,
      `/subscriptions/${SUB}/providers/Microsoft.DocumentDB/locations/japaneast/restorableDatabaseAccounts/d9b26648-2f53-4541-b3d8-3044f4f9810d?api-version=2026-03-15`,
    ]);
  });

  it("names the account and Azure's error when it is not found", async () => {
    await expect(
      read({
        ...periodic,
        source: { ...periodic.source, account: 'cosmos-gone' },
      }),
    ).rejects.toThrow(
      "Reading Cosmos DB account 'cosmos-gone' in resource group 'rg-poc-prod' failed (HTTP 404): ResourceNotFound: The Resource 'Microsoft.DocumentDB/databaseAccounts/cosmos-gone' under resource group 'rg-poc-prod' was not found.",
    );
  });

  it('takes the subscription from the connection when the target has none', async () => {
    const target = {
      ...periodic,
      source: { ...periodic.source, subscriptionId: undefined },
    };
    await read(target, { subscriptionId: SUB });
    expect(requests[0].url).toContain(`/subscriptions/${SUB}/resourceGroups/`);
    await expect(read(target)).rejects.toThrow(
      'spec.targets[0].source.subscriptionId is required for an azure-cosmosdb source (or subscriptionId on ops.backups.sources.azure)',
    );
  });

  it('rejects catalog values that are not Azure names, naming the field, before any call', async () => {
    const bad = (source: Partial<BackupTarget['source']>) =>
      read({ ...periodic, source: { ...periodic.source, ...source } });
    await expect(bad({ subscriptionId: '../other' })).rejects.toThrow(
      "spec.targets[0].source.subscriptionId must be a subscription UUID, got '../other'",
    );
    await expect(bad({ resourceGroup: 'rg/../x' })).rejects.toThrow(
      "spec.targets[0].source.resourceGroup must be a resource group name (1-90 letters, digits, _ ( ) - .), got 'rg/../x'",
    );
    await expect(bad({ account: 'Cosmos?x=1' })).rejects.toThrow(
      "spec.targets[0].source.account must be a Cosmos DB account name (3-50 lowercase letters, digits, -), got 'Cosmos?x=1'",
    );
    expect(requests).toEqual([]);
  });

  it('rejects partial service principal settings and a plain-http endpoint', async () => {
    await expect(
      read(periodic, { tenantId: 't', clientId: 'c' }),
    ).rejects.toThrow(
      'ops.backups.sources.azure needs tenantId, clientId and clientSecret together, or none (DefaultAzureCredential)',
    );
    await expect(
      read(periodic, { endpoint: 'http://127.0.0.1:1' }),
    ).rejects.toThrow(
      "ops.backups.sources.azure.endpoint must be an https URL, got 'http://127.0.0.1:1'",
    );
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(read(periodic, {}, controller.signal)).rejects.toThrow(
      "Reading Cosmos DB account 'cosmos-poc-prod' in resource group 'rg-poc-prod' was aborted",
    );
  });
});
