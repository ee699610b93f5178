import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { opsPlugin } from './plugin';

describe('opsPlugin', () => {
  it('says which data sources are missing when nothing is configured', async () => {
    const { server } = await startTestBackend({ features: [opsPlugin] });

    const res = await request(server).get('/api/ops/status');

    expect(res.status).toBe(200);
    expect(res.body.sources.prometheus).toEqual({
      configured: false,
      configKey: 'ops.prometheus.servers',
      servers: [],
    });
    expect(res.body.sources.backupSources.configured).toBe(false);
  });

  it('lists configured sources by name and never their URLs or headers', async () => {
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.rootConfig.factory({
          data: {
            ops: {
              prometheus: {
                servers: [
                  {
                    name: 'mimir',
                    url: 'https://mimir.example.com',
                    headers: { Authorization: 'Bearer secret-token' },
                  },
                ],
              },
              health: { allowedHosts: ['127.0.0.1'] },
            },
          },
        }),
      ],
    });

    const res = await request(server).get('/api/ops/status');

    expect(res.status).toBe(200);
    expect(res.body.sources.prometheus).toEqual({
      configured: true,
      configKey: 'ops.prometheus.servers',
      servers: ['mimir'],
    });
    expect(res.body.sources.health.configured).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('secret-token');
    expect(JSON.stringify(res.body)).not.toContain('mimir.example.com');
  });

  it('refuses unauthenticated requests', async () => {
    const { server } = await startTestBackend({ features: [opsPlugin] });

    const res = await request(server)
      .get('/api/ops/status')
      .set('Authorization', mockCredentials.none.header());

    expect(res.status).toBe(401);
  });

  it('fails to start on a malformed ops section, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          opsPlugin,
          mockServices.rootConfig.factory({
            data: {
              ops: { prometheus: { servers: [{ name: 'x', url: '::' }] } },
            },
          }),
        ],
      }),
    ).rejects.toThrow('ops.prometheus.servers[0].url is not a valid URL');
  });
});
