import { DiscoveryService } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import opsPlugin from '@unyo/plugin-ops-backend';
import { AddressInfo } from 'node:net';
import { createOpsGateAction } from './gate';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** A service no SLO measures: the gate allows it, saying so. */
const unmeasuredCheckout = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/team', lifecycle: 'prod' },
};

describe('ops:gate against the real ops backend', () => {
  jest.setTimeout(60_000);
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let action: ReturnType<typeof createOpsGateAction>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        catalogServiceMock.factory({ entities: [unmeasuredCheckout] }),
      ],
    });
    const port = (backend.server.address() as AddressInfo).port;
    const baseUrl = `http://127.0.0.1:${port}/api/ops`;
    const discovery: DiscoveryService = {
      getBaseUrl: async () => baseUrl,
      getExternalBaseUrl: async () => baseUrl,
    };
    action = createOpsGateAction({
      discovery,
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
    });
  });
  afterAll(() => backend?.stop());

  function context(input: { entityRef: string }) {
    const ctx = createMockActionContext({
      input,
      logger: mockServices.logger.mock(),
    });
    const outputs = () =>
      Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    return { ctx, outputs };
  }

  it('outputs allow=true for an entity no SLO measures, with the backend accepting the plugin token', async () => {
    const { ctx, outputs } = context({
      entityRef: 'component:default/checkout',
    });
    await action.handler(ctx as any);
    expect(outputs()).toEqual({
      allow: true,
      reasons: ['No SLO measures component:default/checkout'],
      slos: [],
    });
  });

  it("fails the step with the backend's 400 for a malformed entityRef", async () => {
    const { ctx, outputs } = context({ entityRef: 'nope:' });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /^Deploy gate for nope:: Request failed with 400 Bad Request: .*entityRef/,
    );
    expect(outputs()).toEqual({});
  });
});
