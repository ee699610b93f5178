import { lookup as dnsLookup } from 'node:dns/promises';
import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { AllowList, addressesRefused, urlAllowed } from './allowList';

/** Why a URL may not be reached: nothing was sent to it. */
export class HostRefusedError extends Error {
  name = 'HostRefusedError';
}

/** A checked address to connect to, so DNS cannot change after the check. */
export interface PinnedUrl {
  url: URL;
  address: string;
  family: 4 | 6;
}

export type Resolver = (
  hostname: string,
) => Promise<Array<{ address: string; family: number }>>;

const defaultResolver: Resolver = hostname =>
  dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Checks a URL against the allow list, resolves its host and checks the
 * addresses: the answer names the address to connect to. Throws
 * HostRefusedError saying why not, naming `allowListKey`.
 */
export async function pinUrl(
  url: URL,
  list: AllowList,
  allowListKey: string,
  resolve: Resolver = defaultResolver,
): Promise<PinnedUrl> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HostRefusedError(`${url.protocol} URLs are not allowed`);
  }
  if (url.username || url.password) {
    throw new HostRefusedError(
      'URLs with credentials are not allowed: set headers in app-config',
    );
  }
  if (!urlAllowed(url, list)) {
    throw new HostRefusedError(`${url.host} is not in ${allowListKey}`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) {
    return { url, address: host, family: isIP(host) as 4 | 6 };
  }
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = await resolve(host);
  } catch (error) {
    throw new HostRefusedError(
      `${host} could not be resolved: ${(error as Error).message}`,
    );
  }
  if (addresses.length === 0) {
    throw new HostRefusedError(`${host} resolves to no address`);
  }
  const refused = addressesRefused(
    url,
    addresses.map(a => a.address),
    list,
  );
  if (refused.length > 0) {
    throw new HostRefusedError(
      `${host} resolves to ${refused.join(
        ', ',
      )} (link-local, metadata or unspecified), which ${allowListKey} does not list explicitly`,
    );
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export interface PinnedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body was longer than the cap and cut. */
  truncated: boolean;
}

/**
 * One request to a pinned address (no redirects followed): the host name
 * stays in the Host header and TLS server name, the connection goes to the
 * checked address. The body is read up to `maxBodyBytes`.
 */
export function sendPinned(
  pinned: PinnedUrl,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal: AbortSignal;
    maxBodyBytes: number;
  },
): Promise<PinnedResponse> {
  const { url, address, family } = pinned;
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as any)(null, [{ address, family }]);
    } else {
      callback(null, address, family);
    }
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: init.method,
        headers: {
          ...init.headers,
          ...(init.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(init.body)) }
            : {}),
        },
        lookup,
        signal: init.signal,
      },
      res => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = init.maxBodyBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            size += room;
            truncated = true;
            res.destroy();
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
              truncated,
            });
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            truncated,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
