import { DiscoveryService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createOpsGateAction } from './gate';

/** What the ops backend's `GET /api/ops/gate` answers for a frozen SLO. */
const frozenCheckoutDecision = {
  entityRef: 'component:default/checkout',
  allow: false,
  reasons: [
    'slo:default/checkout-availability (checkout availability) is frozen with -400.0 % of its error budget left; policy "default" denies deploys under frozen',
  ],
  slos: [
    {
      ref: 'slo:default/checkout-availability',
      title: 'checkout availability',
      state: 'breached',
      policy: 'frozen',
      remainingRatio: -4,
      allow: false,
    },
  ],
};

/** … and for an entity no SLO measures. */
const unmeasuredSearchDecision = {
  entityRef: 'component:default/search',
  allow: true,
  reasons: ['No SLO measures component:default/search'],
  slos: [],
};

const decisions: Record<string, object> = {
  'component:default/checkout': frozenCheckoutDecision,
  'component:default/search': unmeasuredSearchDecision,
};

/**
 * A stand-in for the ops backend's gate route, answering as the OpenAPI
 * spec says: the decision, or the backend's 400 error body for a ref that
 * is not `kind:namespace/name`.
 */
function startStandInGateServer() {
  const requests: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url!, headers: req.headers });
    const url = new URL(req.url!, 'http://localhost');
    const entityRef = url.searchParams.get('entityRef') ?? '';
    res.setHeader('Content-Type', 'application/json');
    if (url.pathname !== '/api/ops/gate') {
      res.statusCode = 404;
      res.end(
        JSON.stringify({
          error: { name: 'NotFoundError', message: url.pathname },
        }),
      );
      return;
    }
    if (!/^[^:/]+:[^:/]+\/[^:/]+$/.test(entityRef)) {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          error: {
            name: 'InputError',
            message: `Query parameter entityRef is not an entity ref: ${entityRef}`,
          },
          request: { method: 'GET', url: req.url },
          response: { statusCode: 400 },
        }),
      );
      return;
    }
    res.end(JSON.stringify(decisions[entityRef]));
  });
  return new Promise<{
    baseUrl: string;
    requests: typeof requests;
    server: Server;
  }>(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        baseUrl: `http://127.0.0.1:${
          (server.address() as AddressInfo).port
        }/api/ops`,
        requests,
        server,
      }),
    ),
  );
}

describe('ops:gate against a stand-in gate server', () => {
  let standIn: Awaited<ReturnType<typeof startStandInGateServer>>;
  let action: ReturnType<typeof createOpsGateAction>;

  beforeAll(async () => {
    standIn = await startStandInGateServer();
    const discovery: DiscoveryService = {
      getBaseUrl: async pluginId => {
        if (pluginId !== 'ops') throw new Error(`unexpected ${pluginId}`);
        return standIn.baseUrl;
      },
      getExternalBaseUrl: async () => standIn.baseUrl,
    };
    action = createOpsGateAction({
      discovery,
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
    });
  });
  afterAll(() => new Promise(r => standIn.server.close(r)));
  beforeEach(() => {
    standIn.requests.length = 0;
  });

  function context(input: { entityRef: string; failOnDeny?: boolean }) {
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({ input, logger });
    const outputs = () =>
      Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    return { ctx, outputs, logger };
  }

  it('fails the step for a denied entity, naming the SLO, with a plugin token for ops', async () => {
    const { ctx, outputs, logger } = context({
      entityRef: 'component:default/checkout',
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /Deploy gate denies component:default\/checkout: slo:default\/checkout-availability \(checkout availability\) is frozen/,
    );
    expect(outputs().allow).toBe(false);
    expect(standIn.requests).toEqual([
      expect.objectContaining({
        url: '/api/ops/gate?entityRef=component%3Adefault%2Fcheckout',
      }),
    ]);
    expect(standIn.requests[0].headers.authorization).toBe(
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('plugin:scaffolder'),
        targetPluginId: 'ops',
      })}`,
    );
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('slo:default/checkout-availability'),
    );
  });

  it('with failOnDeny false, outputs allow=false and the reasons without failing', async () => {
    const { ctx, outputs } = context({
      entityRef: 'component:default/checkout',
      failOnDeny: false,
    });
    await action.handler(ctx as any);
    expect(outputs()).toEqual({
      allow: false,
      reasons: frozenCheckoutDecision.reasons,
      slos: frozenCheckoutDecision.slos,
    });
  });

  it('outputs allow=true for an allowed entity', async () => {
    const { ctx, outputs } = context({ entityRef: 'component:default/search' });
    await action.handler(ctx as any);
    expect(outputs()).toEqual({
      allow: true,
      reasons: ['No SLO measures component:default/search'],
      slos: [],
    });
  });

  it("surfaces the backend's 400 for a bad entityRef, with the status and message", async () => {
    const { ctx, outputs } = context({ entityRef: 'not a ref' });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      'Deploy gate for not a ref: Request failed with 400 Bad Request: Query parameter entityRef is not an entity ref: not a ref',
    );
    expect(standIn.requests[0].url).toBe(
      '/api/ops/gate?entityRef=not%20a%20ref',
    );
    expect(outputs()).toEqual({});
  });
});
