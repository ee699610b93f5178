import { X509Certificate } from 'node:crypto';
import { connect as netConnect, isIP, Socket } from 'node:net';
import {
  checkServerIdentity,
  connect as tlsConnect,
  DetailedPeerCertificate,
  TLSSocket,
} from 'node:tls';
import {
  DEFAULT_CERTIFICATE_THRESHOLDS,
  judgeCertificate,
  TlsCertificate,
} from '@unyo/plugin-ops-common';
import { smtpStartTls } from './smtpStartTls';
import { HealthProbe, ProbeOptions, ProbeResult } from './types';

const DEFAULT_PORTS: Record<string, number> = {
  'tls:': 443,
  'smtp+starttls:': 587,
};

/** `CN=a\nO=b` (or an object from getPeerCertificate) → `CN=a, O=b`. */
function distinguishedName(text: string): string {
  return text.split('\n').filter(Boolean).join(', ');
}

/** `DNS:a, IP Address:127.0.0.1` → [a, 127.0.0.1]. */
function altNames(subjectAltName: string | undefined): string[] {
  return (subjectAltName ?? '')
    .split(/,\s*/)
    .map(entry => entry.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
}

/** The handshake over a fresh or a STARTTLS-prepared socket. */
function handshake(
  host: string,
  port: number,
  socket: Socket | undefined,
  track: (s: Socket) => void,
): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({
      host,
      port,
      socket,
      // SNI takes names only, never addresses.
      servername: isIP(host) ? undefined : host,
      // The certificate is read whatever it is; trust and the name are
      // judged apart below, so `authorized` here means the chain only.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    track(secure);
    secure.once('secureConnect', () => resolve(secure));
    secure.once('error', reject);
  });
}

function plainConnect(
  host: string,
  port: number,
  track: (s: Socket) => void,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    track(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Probes `tls://host:port` and `smtp+starttls://host:port`: reads the
 * certificate the server presents even when it does not verify, and judges
 * its days left (ops.health.tls), its name and its chain.
 */
export class TlsHealthProbe implements HealthProbe {
  async probe(url: URL, options: ProbeOptions): Promise<ProbeResult> {
    const started = performance.now();
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(url.port) || DEFAULT_PORTS[url.protocol];
    // Closed at the end whatever happened, a timeout included.
    const sockets: Socket[] = [];
    const track = (socket: Socket) => sockets.push(socket);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`No answer within ${options.timeoutMs} ms (timeout)`),
          ),
        options.timeoutMs,
      );
    });
    const connectAndRead = async () => {
      let plain: Socket | undefined;
      if (url.protocol === 'smtp+starttls:') {
        plain = await plainConnect(host, port, track);
        await smtpStartTls(plain);
      }
      const secure = await handshake(host, port, plain, track);
      return {
        peer: secure.getPeerCertificate(true) as DetailedPeerCertificate,
        chainVerified: secure.authorized,
        chainError: secure.authorizationError
          ? String(secure.authorizationError)
          : undefined,
      };
    };
    const base = () => ({
      url: url.href,
      latencyMs: Math.round(performance.now() - started),
      checks: [],
      checkedAt: new Date(),
    });
    try {
      const work = connectAndRead();
      // Lost to the timeout, it fails later when its socket is destroyed.
      work.catch(() => undefined);
      const { peer, chainVerified, chainError } = await Promise.race([
        work,
        timeout,
      ]);
      const latency = base();
      if (!peer?.raw) {
        return {
          ...latency,
          status: 'down',
          message: 'The server presented no certificate',
        };
      }
      const x509 = new X509Certificate(peer.raw);
      const notAfter = new Date(x509.validTo);
      const nameMatches = checkServerIdentity(host, peer) === undefined;
      const judged = judgeCertificate(
        { notAfter, nameMatches, host, now: latency.checkedAt },
        options.certificateThresholds ?? DEFAULT_CERTIFICATE_THRESHOLDS,
      );
      const certificate: TlsCertificate = {
        state: judged.state,
        daysLeft: judged.daysLeft,
        notBefore: new Date(x509.validFrom).toISOString(),
        notAfter: notAfter.toISOString(),
        issuer: distinguishedName(x509.issuer),
        subject: distinguishedName(x509.subject),
        names: altNames(x509.subjectAltName),
        nameMatches,
        chainVerified,
        ...(chainError && !chainVerified ? { chainError } : {}),
      };
      return {
        ...latency,
        status: judged.health,
        certificate,
        ...(judged.message ? { message: judged.message } : {}),
      };
    } catch (error) {
      return {
        ...base(),
        status: 'down',
        message: (error as Error)?.message ?? String(error),
      };
    } finally {
      clearTimeout(timer);
      // The TLS socket took over the plain one's handle: destroying that
      // too would free it twice (Node crashes), so only the outermost goes.
      sockets.at(-1)?.destroy();
    }
  }
}
