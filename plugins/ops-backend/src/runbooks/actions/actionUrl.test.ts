import { mockCredentials } from '@backstage/backend-test-utils';
import {
  startTestHttpServer,
  sendJson,
  TestHttpServer,
} from '@internal/ops-test-utils';
import { OpsJsonObject } from '@unyo/plugin-ops-common';
import { ActionContext } from '@unyo/plugin-ops-node';
import { HttpActionRunner } from './httpAction';
import { actionPath, isUnderBase, pollUrl } from './actionUrl';

describe('http action URLs built from parameters', () => {
  let server: TestHttpServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestHttpServer((req, res) => {
      if (req.url.startsWith('/automation/jobs/away/')) {
        res.writeHead(302, { Location: '/other/run' });
        res.end();
        return;
      }
      if (req.url.startsWith('/automation/jobs/poll-out/')) {
        sendJson(res, 200, { id: '..' });
        return;
      }
      sendJson(res, 200, { ok: true });
    });
    baseUrl = `${server.url}/automation`;
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  function context(job: unknown, poll = false): ActionContext {
    return {
      runbook: {} as any,
      runbookRef: 'runbook:default/jobs',
      action: {
        id: 'run',
        title: 'Run',
        type: 'http',
        target: 'automation',
        request: { method: 'POST', path: '/jobs/${parameters.job}/run' },
        ...(poll
          ? {
              poll: {
                path: '/runs/{id}',
                idFrom: '/id',
                statusFrom: '/status',
                succeededWhen: ['done'],
                intervalSeconds: 1,
              },
            }
          : {}),
      } as any,
      parameters: { job } as OpsJsonObject,
      credentials: mockCredentials.user(),
      timeoutMs: 5000,
    };
  }

  const runner = () =>
    new HttpActionRunner([
      {
        name: 'automation',
        baseUrl,
        headers: {},
        allowedHosts: [new URL(server.url).host],
      },
    ]);

  it.each(['..', '.', ''])(
    'refuses %j as a path segment before anything is sent',
    async job => {
      await expect(runner().prepare(context(job))).rejects.toThrow(
        /^parameters\.job must be one path segment/,
      );
      expect(server.requests).toEqual([]);
    },
  );

  it.each(['a\r\nHost: evil', 'x\n', 'nul\u0000', 'lone\uD800'])(
    'refuses control characters and lone surrogates (%j)',
    async job => {
      await expect(runner().prepare(context(job))).rejects.toThrow(
        /^parameters\.job must not contain control characters/,
      );
      expect(server.requests).toEqual([]);
    },
  );

  it.each([
    ['%2e%2e', '/automation/jobs/%252e%252e/run'],
    ['../x', '/automation/jobs/..%2Fx/run'],
    ['a/b', '/automation/jobs/a%2Fb/run'],
    ['//evil', '/automation/jobs/%2F%2Fevil/run'],
    ['http://evil/', '/automation/jobs/http%3A%2F%2Fevil%2F/run'],
    ['..%2f..', '/automation/jobs/..%252f../run'],
    ['a?b=c#d', '/automation/jobs/a%3Fb%3Dc%23d/run'],
  ])('encodes %j as one segment under /automation', async (job, expected) => {
    const run = await runner().prepare(context(job));
    const result = await run(new AbortController().signal, async () => {});
    expect(result.status).toBe('succeeded');
    expect(server.requests.map(r => r.url)).toEqual([expected]);
  });

  it('does not follow a redirect outside the base path', async () => {
    const run = await runner().prepare(context('away'));
    const result = await run(new AbortController().signal, async () => {});
    expect(result).toMatchObject({
      status: 'failed',
      output: {
        httpStatus: 302,
        error: expect.stringMatching(/redirects outside the target's base URL/),
      },
    });
    expect(server.requests.map(r => r.url)).toEqual([
      '/automation/jobs/away/run',
    ]);
  });

  it('does not poll a run id that would leave the base path', async () => {
    const run = await runner().prepare(context('poll-out', true));
    const result = await run(new AbortController().signal, async () => {});
    expect(result).toMatchObject({
      status: 'failed',
      output: { error: expect.stringMatching(/run id "\.\." .*not polled/) },
    });
    expect(server.requests.map(r => r.url)).toEqual([
      '/automation/jobs/poll-out/run',
    ]);
  });

  it('keeps query placeholders as values', () => {
    expect(
      actionPath(
        'http://h/automation',
        '/jobs?name=${parameters.job}&x=1',
        { job: 'a&x=2#/../..' },
        'request.path',
      ),
    ).toBe('/jobs?name=a%26x%3D2%23%2F..%2F..&x=1');
  });

  it('refuses a path template that leaves the base path, naming the parameters', () => {
    expect(() =>
      actionPath(
        'http://h/automation',
        '/../admin/${parameters.job}',
        { job: 'x' },
        'request.path',
      ),
    ).toThrow(
      "request.path leaves the target's base path /automation with parameters.job: not sent",
    );
  });

  it('checks the path, not only the host', () => {
    const base = 'http://h/automation';
    expect(isUnderBase(new URL('http://h/automation/x'), base)).toBe(true);
    expect(isUnderBase(new URL('http://h/automation'), base)).toBe(true);
    expect(isUnderBase(new URL('http://h/automationx'), base)).toBe(false);
    expect(isUnderBase(new URL('http://h/other'), base)).toBe(false);
    expect(isUnderBase(new URL('http://other/automation/x'), base)).toBe(false);
    expect(isUnderBase(new URL('https://h/automation/x'), base)).toBe(false);
    expect(pollUrl(base, '/runs/{id}', '..')).toBeUndefined();
    expect(pollUrl(base, '/runs/{id}', 'a/b')?.pathname).toBe(
      '/automation/runs/a%2Fb',
    );
  });
});
