import { freePort } from '@internal/ops-test-utils';
import { HealthProber } from './HealthProber';
import {
  makeCertificate,
  startSmtpServer,
  startTlsServer,
  TestTlsServer,
} from './__testUtils__/tlsServers';

// Real TLS servers on loopback, with certificates generated for each test.
describe('HealthProber over TLS', () => {
  const servers: TestTlsServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(s => s.close()));
  });
  const serve = async (
    options: Parameters<typeof makeCertificate>[0],
  ): Promise<TestTlsServer> => {
    const server = await startTlsServer(makeCertificate(options));
    servers.push(server);
    return server;
  };
  const prober = new HealthProber({
    timeoutMs: 2000,
    allowedHosts: ['127.0.0.1', 'localhost'],
  });
  const forLocalhost = { dnsNames: ['localhost'], ips: ['127.0.0.1'] };

  it('reports a certificate 5 days from expiry as critical, with the days left and its details', async () => {
    const certificate = makeCertificate({
      daysLeft: 5.5,
      commonName: 'api.test',
      ...forLocalhost,
    });
    const server = await startTlsServer(certificate);
    servers.push(server);
    const url = `tls://localhost:${server.port}`;

    const result = await prober.probe(url);

    expect(result).toMatchObject({
      url,
      status: 'down',
      message: 'Certificate expires in 5 days',
      certificate: {
        state: 'critical',
        daysLeft: 5,
        notAfter: certificate.notAfter.toISOString(),
        issuer: 'CN=api.test, O=Unyo Test CA',
        subject: 'CN=api.test, O=Unyo Test CA',
        names: ['localhost', '127.0.0.1'],
        nameMatches: true,
        // Self-signed: read and judged anyway, the chain reported apart.
        chainVerified: false,
        chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      },
    });
    expect(result!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reports 20 days left as warning and 90 days as up, by the default thresholds', async () => {
    const soon = await serve({ daysLeft: 20.5, ...forLocalhost });
    const later = await serve({ daysLeft: 90.5, ...forLocalhost });

    expect(await prober.probe(`tls://127.0.0.1:${soon.port}`)).toMatchObject({
      status: 'degraded',
      message: 'Certificate expires in 20 days',
      certificate: { state: 'warning', daysLeft: 20, nameMatches: true },
    });
    const ok = await prober.probe(`tls://127.0.0.1:${later.port}`);
    expect(ok).toMatchObject({
      status: 'up',
      certificate: { state: 'ok', daysLeft: 90 },
    });
    expect(ok!.message).toBeUndefined();
  });

  it('follows configured thresholds (ops.health.tls)', async () => {
    const server = await serve({ daysLeft: 20.5, ...forLocalhost });
    const strict = new HealthProber({
      timeoutMs: 2000,
      allowedHosts: ['127.0.0.1'],
      certificateThresholds: { warningDays: 60, criticalDays: 21 },
    });
    expect(await strict.probe(`tls://127.0.0.1:${server.port}`)).toMatchObject({
      status: 'down',
      certificate: { state: 'critical', daysLeft: 20 },
    });
  });

  it('reports an expired certificate as critical, expired so many days ago', async () => {
    const server = await serve({ daysLeft: -3.5, ...forLocalhost });
    expect(await prober.probe(`tls://localhost:${server.port}`)).toMatchObject({
      status: 'down',
      message: 'Certificate expired 3 days ago',
      certificate: { state: 'critical', daysLeft: -4 },
    });
  });

  it('reports a certificate for another name as a name mismatch', async () => {
    const server = await serve({
      daysLeft: 200.5,
      dnsNames: ['api.other.example'],
    });
    expect(await prober.probe(`tls://localhost:${server.port}`)).toMatchObject({
      status: 'down',
      message: 'Certificate name mismatch: not valid for localhost',
      certificate: {
        state: 'critical',
        daysLeft: 200,
        names: ['api.other.example'],
        nameMatches: false,
      },
    });
  });

  it('never contacts a host outside ops.health.allowedHosts', async () => {
    const server = await serve({ daysLeft: 5, ...forLocalhost });
    const onlyLocalhost = new HealthProber({
      timeoutMs: 2000,
      allowedHosts: ['localhost'],
    });

    expect(
      await onlyLocalhost.probe(`tls://127.0.0.1:${server.port}`),
    ).toBeUndefined();
    expect(server.connections()).toBe(0);

    // The same server through an allowed name is contacted: the count works.
    await onlyLocalhost.probe(`tls://localhost:${server.port}`);
    expect(server.connections()).toBe(1);
  });

  it('reports a port nobody listens on as down, and a silent one as a timeout', async () => {
    const port = await freePort();
    const down = await prober.probe(`tls://127.0.0.1:${port}`);
    expect(down).toMatchObject({ status: 'down' });
    expect(down!.message).toMatch(/ECONNREFUSED/);
    expect(down!.certificate).toBeUndefined();

    // An SMTP server answers in plain text first: a TLS client hears nothing it can use.
    const silent = await startSmtpServer(
      makeCertificate({ daysLeft: 90, ...forLocalhost }),
    );
    servers.push(silent);
    const quick = new HealthProber({
      timeoutMs: 300,
      allowedHosts: ['127.0.0.1'],
    });
    const result = await quick.probe(`tls://127.0.0.1:${silent.port}`);
    expect(result!.status).toBe('down');
    expect(result!.certificate).toBeUndefined();
  });

  it('reads the certificate of an SMTP server after STARTTLS', async () => {
    const smtp = await startSmtpServer(
      makeCertificate({ daysLeft: 6.5, dnsNames: ['localhost'] }),
    );
    const plain = await startSmtpServer(
      makeCertificate({ daysLeft: 90, dnsNames: ['localhost'] }),
      { offerStartTls: false },
    );
    servers.push(smtp, plain);

    expect(
      await prober.probe(`smtp+starttls://localhost:${smtp.port}`),
    ).toMatchObject({
      status: 'down',
      message: 'Certificate expires in 6 days',
      certificate: { state: 'critical', daysLeft: 6, nameMatches: true },
    });
    expect(
      await prober.probe(`smtp+starttls://localhost:${plain.port}`),
    ).toMatchObject({
      status: 'down',
      message: 'The SMTP server does not offer STARTTLS',
    });
  });
});
