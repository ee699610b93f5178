import { parseHealthBody } from './parseHealthBody';

const json = (body: unknown, statusCode = 200) => ({
  statusCode,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
});

describe('parseHealthBody', () => {
  it('reads seed 000 (Elixir CQRS): services as words', () => {
    expect(
      parseHealthBody(
        json({
          status: 'ok',
          version: '1.0.0',
          services: {
            database: 'connected',
            cache: 'connected',
            grpc: 'serving',
          },
        }),
      ),
    ).toEqual({
      status: 'up',
      checks: [
        { name: 'database', status: 'up' },
        { name: 'cache', status: 'up' },
        { name: 'grpc', status: 'up' },
      ],
    });
  });

  it('makes a service that is ok with a degraded cache degraded', () => {
    const parsed = parseHealthBody(
      json({
        status: 'ok',
        services: { database: 'connected', cache: 'degraded', grpc: 'serving' },
      }),
    );
    expect(parsed.status).toBe('degraded');
    expect(parsed.checks[1]).toEqual({ name: 'cache', status: 'degraded' });
  });

  it('reads seed 002 (Azure SaaS): a top-level status only', () => {
    expect(
      parseHealthBody(
        json({
          status: 'healthy',
          timestamp: '2024-01-15T10:30:00Z',
          version: '1.0.0',
        }),
      ),
    ).toEqual({ status: 'up', checks: [] });
  });

  it('reads seed 004 (MaiRust): checks with extra fields kept as detail', () => {
    expect(
      parseHealthBody(
        json({
          status: 'healthy',
          checks: {
            database: { status: 'healthy', latency_ms: 5 },
            storage: { status: 'healthy' },
            queue: { status: 'healthy', length: 42 },
          },
        }),
      ),
    ).toEqual({
      status: 'up',
      checks: [
        { name: 'database', status: 'up', detail: 'latency_ms: 5' },
        { name: 'storage', status: 'up', detail: undefined },
        { name: 'queue', status: 'up', detail: 'length: 42' },
      ],
    });
  });

  it('reads a MaiRust readiness answer with a long queue as degraded', () => {
    const parsed = parseHealthBody(
      json(
        {
          status: 'degraded',
          checks: {
            database: { status: 'healthy', latency_ms: 4 },
            queue: { status: 'degraded', length: 12000 },
          },
        },
        200,
      ),
    );
    expect(parsed.status).toBe('degraded');
    expect(parsed.checks[1]).toEqual({
      name: 'queue',
      status: 'degraded',
      detail: 'length: 12000',
    });
  });

  it('reads seed 003 (Rails /up): a 200 HTML page is up, a 500 is down', () => {
    const page =
      '<!DOCTYPE html><html><body style="background-color: green"></body></html>';
    expect(
      parseHealthBody({
        statusCode: 200,
        contentType: 'text/html',
        body: page,
      }),
    ).toEqual({ status: 'up', checks: [] });
    expect(
      parseHealthBody({
        statusCode: 500,
        contentType: 'text/html',
        body: page,
      }),
    ).toEqual({ status: 'down', checks: [], message: 'HTTP 500' });
  });

  it('reads Spring Boot components (seed 001) with nested details', () => {
    const parsed = parseHealthBody(
      json(
        {
          status: 'DOWN',
          components: {
            db: { status: 'UP', details: { database: 'PostgreSQL' } },
            scalardbCluster: { status: 'DOWN', details: { healthyNodes: 1 } },
            diskSpace: { status: 'OUT_OF_SERVICE' },
          },
        },
        503,
      ),
    );
    expect(parsed).toEqual({
      status: 'down',
      message: 'HTTP 503',
      checks: [
        {
          name: 'db',
          status: 'up',
          detail: 'details: {"database":"PostgreSQL"}',
        },
        {
          name: 'scalardbCluster',
          status: 'down',
          detail: 'details: {"healthyNodes":1}',
        },
        { name: 'diskSpace', status: 'down', detail: undefined },
      ],
    });
  });

  it('reads checks as an array of named objects, and IETF pass/warn/fail', () => {
    const parsed = parseHealthBody(
      json({
        status: 'pass',
        checks: [
          { name: 'postgres', status: 'pass' },
          { name: 'redis', status: 'warn', observedValue: 250 },
          { name: 'smtp', status: 'fail', output: 'connection refused' },
        ],
      }),
    );
    expect(parsed.status).toBe('degraded');
    expect(parsed.checks).toEqual([
      { name: 'postgres', status: 'up', detail: undefined },
      { name: 'redis', status: 'degraded', detail: 'observedValue: 250' },
      { name: 'smtp', status: 'down', detail: 'output: connection refused' },
    ]);
    expect(parsed.message).toBe('Failing: smtp');
  });

  it('derives the status from the checks when the body has none', () => {
    expect(
      parseHealthBody(json({ services: { database: 'disconnected' } })).status,
    ).toBe('degraded');
    expect(parseHealthBody(json({ services: { database: 'up' } })).status).toBe(
      'up',
    );
  });

  it('keeps an unknown status word as unknown, with the word as detail', () => {
    const parsed = parseHealthBody(
      json({ status: 'ok', services: { cache: 'warming' } }),
    );
    expect(parsed.checks).toEqual([
      { name: 'cache', status: 'unknown', detail: 'warming' },
    ]);
    expect(parsed.status).toBe('degraded');
  });

  it('reports a malformed JSON body as an error, without throwing', () => {
    const parsed = parseHealthBody({
      statusCode: 200,
      contentType: 'application/json',
      body: '{"status": "ok", "services": {',
    });
    expect(parsed.status).toBe('unknown');
    expect(parsed.checks).toEqual([]);
    expect(parsed.message).toMatch(/^the body is not valid JSON \(/);
  });

  it('reports JSON of no known shape as an error', () => {
    const parsed = parseHealthBody(json([1, 2, 3]));
    expect(parsed.status).toBe('unknown');
    expect(parsed.message).toMatch(/no known health shape/);
    expect(parseHealthBody(json([1], 502)).status).toBe('down');
  });

  it('takes a plain text OK as up', () => {
    expect(
      parseHealthBody({
        statusCode: 200,
        contentType: 'text/plain',
        body: 'OK',
      }),
    ).toEqual({ status: 'up', checks: [] });
    expect(parseHealthBody(json('ok')).status).toBe('up');
  });
});
