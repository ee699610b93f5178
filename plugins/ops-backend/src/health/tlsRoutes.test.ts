import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { createTestDatabases } from '@internal/ops-test-utils';
import { opsPlugin } from '../plugin';
import { DatabaseHealthStore } from './DatabaseHealthStore';
import { HealthMonitor } from './HealthMonitor';
import { HealthProber } from './HealthProber';
import {
  makeCertificate,
  startTlsServer,
  TestTlsServer,
} from './__testUtils__/tlsServers';

const databases = createTestDatabases();

function component(name: string, healthUrl: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'unyo.dev/health-url': healthUrl },
    },
    spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
  };
}

describe.each(databases.eachSupportedId())(
  'GET /health of tls:// URLs on %s',
  id => {
    const servers: TestTlsServer[] = [];
    afterEach(async () => {
      await Promise.all(servers.splice(0).map(s => s.close()));
    });

    it('answers the certificate of each allowed endpoint, kept in the history, and contacts no other', async () => {
      const certificate = makeCertificate({
        daysLeft: 5.5,
        commonName: 'api.test',
        dnsNames: ['localhost'],
      });
      const expiring = await startTlsServer(certificate);
      const outside = await startTlsServer(
        makeCertificate({ daysLeft: 90, ips: ['127.0.0.1'] }),
      );
      servers.push(expiring, outside);
      const urls = [
        `tls://localhost:${expiring.port}`,
        `tls://127.0.0.1:${outside.port}`,
      ];
      const entities = [component('api', urls.join(', '))];
      const config = { ops: { health: { allowedHosts: ['localhost'] } } };

      const knex = await databases.init(id);
      const { server } = await startTestBackend({
        features: [
          opsPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: config }),
          catalogServiceMock.factory({ entities }),
        ],
      });
      // Two probe rounds, as the scheduled task runs them.
      const monitor = new HealthMonitor({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        store: await DatabaseHealthStore.create({
          database: mockServices.database({ knex }),
        }),
        logger: mockServices.logger.mock(),
        prober: new HealthProber({
          timeoutMs: 2000,
          allowedHosts: ['localhost'],
        }),
      });
      await monitor.probeAll();
      expect(await monitor.probeAll()).toMatchObject({
        urls: 2,
        probed: 1,
        notAllowed: 1,
        down: 1,
      });

      const res = await request(server)
        .get('/api/ops/health')
        .query({ entityRef: 'component:default/api' });
      expect(res.status).toBe(200);
      const [tls, off] = res.body.items;
      expect(tls).toMatchObject({
        url: urls[0],
        status: 'down',
        message: 'Certificate expires in 5 days',
        probed: true,
        certificate: {
          state: 'critical',
          daysLeft: 5,
          notAfter: certificate.notAfter.toISOString(),
          issuer: 'CN=api.test, O=Unyo Test CA',
          subject: 'CN=api.test, O=Unyo Test CA',
          names: ['localhost'],
          nameMatches: true,
          chainVerified: false,
        },
      });
      const probed = tls.history.filter((p: any) => p.probes > 0);
      expect(probed.reduce((n: number, p: any) => n + p.probes, 0)).toBe(2);
      expect(probed[probed.length - 1].status).toBe('down');

      expect(off).toMatchObject({
        url: urls[1],
        status: 'unknown',
        probed: false,
        message: 'Not probed: host 127.0.0.1 is not in ops.health.allowedHosts',
      });
      expect(off.certificate).toBeUndefined();
      expect(outside.connections()).toBe(0);
      expect(expiring.connections()).toBe(2);
    });
  },
);
