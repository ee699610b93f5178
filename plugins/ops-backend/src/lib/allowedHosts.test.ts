import {
  healthTarget,
  isAtOrBelow,
  isHostAllowed,
  isUrlAllowed,
} from './allowedHosts';

describe('isUrlAllowed', () => {
  const patterns = [
    'status.example.com/health',
    '*.internal.example.com',
    '127.0.0.1/a/b/',
  ];

  it('admits a host entry anywhere and a host/path entry at or below its path', () => {
    const ok = (u: string) => isUrlAllowed(new URL(u), patterns);
    expect(ok('https://status.example.com/health')).toBe(true);
    expect(ok('https://status.example.com/health/live?x=1')).toBe(true);
    expect(ok('https://api.internal.example.com/anything')).toBe(true);
    expect(ok('http://127.0.0.1:9000/a/b')).toBe(true);
    expect(ok('http://127.0.0.1:9000/a/b/c')).toBe(true);
    expect(ok('https://status.example.com/healthz')).toBe(false);
    expect(ok('https://status.example.com/')).toBe(false);
    expect(ok('https://status.example.com/health/../admin')).toBe(false);
    expect(ok('https://status.example.com/health/%2e%2e/admin')).toBe(false);
    expect(ok('https://status.example.com/health/%2E%2E/%2e%2e/x')).toBe(false);
    expect(ok('http://127.0.0.1/a')).toBe(false);
    expect(ok('https://evil.example.com/health')).toBe(false);
  });

  it('shares the base-path rule of runbook targets', () => {
    expect(isAtOrBelow('/automation/x', '/automation')).toBe(true);
    expect(isAtOrBelow('/automation', '/automation/')).toBe(true);
    expect(isAtOrBelow('/automationx', '/automation')).toBe(false);
    expect(isAtOrBelow('/anything', '')).toBe(true);
  });
});

describe('isHostAllowed', () => {
  it('matches exact hosts and *.suffix globs on the hostname only', () => {
    const patterns = ['127.0.0.1', '*.internal.example.com', '[::1]'];
    expect(isHostAllowed('127.0.0.1', patterns)).toBe(true);
    expect(isHostAllowed('API.Internal.Example.com', patterns)).toBe(true);
    expect(isHostAllowed('a.b.internal.example.com', patterns)).toBe(true);
    expect(isHostAllowed('[::1]', patterns)).toBe(true);
    expect(isHostAllowed('internal.example.com', patterns)).toBe(false);
    expect(isHostAllowed('evilinternal.example.com', patterns)).toBe(false);
    expect(isHostAllowed('127.0.0.2', patterns)).toBe(false);
    expect(isHostAllowed('localhost', patterns)).toBe(false);
  });
});

describe('healthTarget', () => {
  const allowed = ['127.0.0.1'];

  it('probes allowed http and grpc URLs', () => {
    expect(
      healthTarget('http://127.0.0.1:18001/health', allowed),
    ).toMatchObject({ probe: true, protocol: 'http' });
    expect(
      healthTarget('grpc://127.0.0.1:18002/cqrs.CommandService', allowed),
    ).toMatchObject({ probe: true, protocol: 'grpc' });
  });

  it('probes tls:// and smtp+starttls:// as host and port only', () => {
    expect(
      healthTarget('tls://api.example.com:443', ['*.example.com']),
    ).toMatchObject({ probe: true, protocol: 'tls' });
    expect(
      healthTarget('smtp+starttls://mail.example.com:587', ['*.example.com']),
    ).toMatchObject({ probe: true, protocol: 'tls' });
    expect(healthTarget('tls://evil.test:443', ['*.example.com'])).toEqual({
      probe: false,
      message: 'Not probed: host evil.test is not in ops.health.allowedHosts',
    });
    expect(healthTarget('tls://127.0.0.1:443/x', allowed)).toEqual({
      probe: false,
      message:
        'Not probed: a tls health URL is host and port only, e.g. tls://127.0.0.1:443',
    });
  });

  it('says why a URL is not probed', () => {
    expect(healthTarget('http://10.0.0.1/health', allowed)).toEqual({
      probe: false,
      message: 'Not probed: host 10.0.0.1 is not in ops.health.allowedHosts',
    });
    expect(healthTarget('http://127.0.0.1/health', [])).toEqual({
      probe: false,
      message:
        'Not probed: no host is allowed for health checks; set ops.health.allowedHosts',
    });
    // the user part of a URL must not pass for its host
    expect(
      healthTarget('http://127.0.0.1@attacker.test/health', allowed),
    ).toMatchObject({ probe: false });
    expect(healthTarget('ftp://127.0.0.1/health', allowed)).toMatchObject({
      probe: false,
      message: expect.stringMatching(/scheme ftp is not supported/),
    });
    expect(healthTarget('not a url', allowed)).toMatchObject({ probe: false });
    expect(healthTarget('grpc://127.0.0.1/svc', allowed)).toMatchObject({
      probe: false,
      message: expect.stringMatching(/needs a port/),
    });
  });
});
