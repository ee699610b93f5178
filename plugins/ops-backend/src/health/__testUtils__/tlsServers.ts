import { generateKeyPairSync, sign } from 'node:crypto';
import { AddressInfo, createServer as createNetServer, Server } from 'node:net';
import { createServer as createTlsServer, TLSSocket } from 'node:tls';
import forge from 'node-forge';

const DAY_MS = 24 * 60 * 60 * 1000;

// One key for every test certificate: generating RSA keys is the slow part.
let keys: { privateKey: string; publicKey: string } | undefined;
function keyPair() {
  keys ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return keys;
}

export interface TestCertificate {
  key: string;
  cert: string;
  notAfter: Date;
}

/**
 * A self-signed certificate generated now: for `dnsNames` and `ips`, valid
 * until `daysLeft` days from now (negative: expired that long ago).
 */
export function makeCertificate(options: {
  daysLeft: number;
  dnsNames?: string[];
  ips?: string[];
  commonName?: string;
}): TestCertificate {
  const { privateKey, publicKey } = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${Date.now().toString(16)}`;
  const notAfter = new Date(Date.now() + options.daysLeft * DAY_MS);
  // Whole seconds: X.509 times have no milliseconds.
  notAfter.setMilliseconds(0);
  cert.validity.notBefore = new Date(
    Math.min(Date.now(), notAfter.getTime()) - 30 * DAY_MS,
  );
  cert.validity.notAfter = notAfter;
  const attrs = [
    { shortName: 'CN', value: options.commonName ?? 'unyo-test' },
    { shortName: 'O', value: 'Unyo Test CA' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    {
      name: 'subjectAltName',
      altNames: [
        ...(options.dnsNames ?? []).map(value => ({ type: 2, value })),
        ...(options.ips ?? []).map(ip => ({ type: 7, ip })),
      ],
    },
  ]);
  // forge builds the certificate; Node signs it (forge's own RSA takes seconds).
  const tbs: string[] = [];
  const digest = {
    algorithm: 'sha256',
    update(bytes: string) {
      tbs.push(bytes);
      return digest;
    },
  };
  const signer = {
    sign: () =>
      sign('sha256', Buffer.from(tbs.join(''), 'binary'), privateKey).toString(
        'binary',
      ),
  };
  cert.sign(
    signer as unknown as forge.pki.rsa.PrivateKey,
    digest as unknown as forge.md.MessageDigest,
  );
  return { key: privateKey, cert: forge.pki.certificateToPem(cert), notAfter };
}

export interface TestTlsServer {
  port: number;
  /** TCP connections accepted so far, handshakes or not. */
  connections(): number;
  close(): Promise<void>;
}

async function listen(
  server: Server,
  counter: { n: number },
): Promise<TestTlsServer> {
  server.on('connection', () => {
    counter.n += 1;
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => counter.n,
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve());
      }),
  };
}

/** A real TLS server on a free loopback port presenting `certificate`. */
export function startTlsServer(
  certificate: TestCertificate,
): Promise<TestTlsServer> {
  const server = createTlsServer(
    { key: certificate.key, cert: certificate.cert },
    socket => socket.end('hello\n'),
  );
  server.on('tlsClientError', () => undefined);
  return listen(server, { n: 0 });
}

/**
 * A minimal SMTP server (RFC 5321 greeting and EHLO, RFC 3207 STARTTLS)
 * that upgrades to TLS with `certificate`; `offerStartTls: false` leaves
 * STARTTLS out of its EHLO answer, as a misconfigured server would.
 */
export function startSmtpServer(
  certificate: TestCertificate,
  options: { offerStartTls?: boolean } = {},
): Promise<TestTlsServer> {
  const offer = options.offerStartTls ?? true;
  const server = createNetServer(socket => {
    socket.on('error', () => undefined);
    socket.write('220 mail.test ESMTP ready\r\n');
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      for (
        let end = buffered.indexOf('\r\n');
        end >= 0;
        end = buffered.indexOf('\r\n')
      ) {
        const line = buffered.slice(0, end).toUpperCase();
        buffered = buffered.slice(end + 2);
        if (line.startsWith('EHLO')) {
          socket.write(
            offer
              ? '250-mail.test\r\n250-SIZE 10240000\r\n250 STARTTLS\r\n'
              : '250-mail.test\r\n250 SIZE 10240000\r\n',
          );
        } else if (line === 'STARTTLS' && offer) {
          socket.off('data', onData);
          socket.write('220 2.0.0 Ready to start TLS\r\n');
          const secure = new TLSSocket(socket, {
            isServer: true,
            key: certificate.key,
            cert: certificate.cert,
          });
          secure.on('error', () => undefined);
          return;
        } else if (line === 'QUIT') {
          socket.end('221 2.0.0 Bye\r\n');
        } else {
          socket.write('502 5.5.2 Command not recognized\r\n');
        }
      }
    };
    socket.on('data', onData);
  });
  return listen(server, { n: 0 });
}
