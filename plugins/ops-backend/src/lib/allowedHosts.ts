/** How a health URL is probed, by its scheme. */
export type HealthProtocol = 'http' | 'grpc' | 'tls';

/** Why a health URL is or is not probed, decided before any connection. */
export type HealthTarget =
  | { probe: true; url: URL; protocol: HealthProtocol }
  | { probe: false; message: string };

const CONFIG_KEY = 'ops.health.allowedHosts';

/** The host pattern of an allow-list entry, without its base path. */
function hostOf(entry: string): string {
  const trimmed = entry.trim();
  const slash = trimmed.indexOf('/');
  return slash < 0 ? trimmed : trimmed.slice(0, slash);
}

/** `[::1]` → `::1`; host names compare case-insensitively. */
function normalHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/**
 * Whether `hostname` matches one of the patterns: an exact host, or
 * `*.suffix` for any name below `suffix` (not `suffix` itself, so
 * `*.example.com` never admits `evil-example.com` or `example.com`).
 */
export function isHostAllowed(hostname: string, patterns: string[]): boolean {
  const host = normalHost(hostname);
  return patterns.some(raw => {
    const pattern = normalHost(raw.trim());
    if (pattern.startsWith('*.')) {
      const suffix = pattern.slice(1);
      return host.endsWith(suffix) && host.length > suffix.length;
    }
    return host === pattern;
  });
}

/**
 * Whether a normalised path is `prefix` or lies below it (`''` admits every
 * path). The base-path rule of docs/runbook-actions.md, which health URLs
 * follow too: `/automation` admits `/automation/x`, never `/automationx`.
 */
export function isAtOrBelow(pathname: string, prefix: string): boolean {
  const base = prefix.replace(/\/+$/, '');
  return base === '' || pathname === base || pathname.startsWith(`${base}/`);
}

/**
 * Whether a URL is admitted by an allow-list whose entries are a host
 * pattern (as {@link isHostAllowed}) optionally followed by a base path:
 * `status.example.com/health` admits that host's `/health` and below only.
 * The URL must be parsed (dot segments, `%2e%2e` included, already resolved).
 */
export function isUrlAllowed(url: URL, patterns: string[]): boolean {
  return patterns.some(raw => {
    const host = hostOf(raw);
    const path = raw.trim().slice(host.length);
    return (
      isHostAllowed(url.hostname, [host]) && isAtOrBelow(url.pathname, path)
    );
  });
}

/**
 * Classifies one URL of a `unyo.dev/health-url` annotation: probed only when
 * it is well-formed, of a supported scheme and its host is allowed.
 */
export function healthTarget(
  rawUrl: string,
  allowedHosts: string[],
): HealthTarget {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { probe: false, message: `Not probed: "${rawUrl}" is not a URL` };
  }
  const scheme = url.protocol.replace(/:$/, '');
  let protocol: HealthProtocol;
  if (scheme === 'http' || scheme === 'https') {
    protocol = 'http';
  } else if (scheme === 'grpc' || scheme === 'grpcs') {
    protocol = 'grpc';
    if (!url.port) {
      return {
        probe: false,
        message: `Not probed: a gRPC health URL needs a port, e.g. grpc://${url.hostname}:50051/my.Service`,
      };
    }
  } else if (scheme === 'tls' || scheme === 'smtp+starttls') {
    // Only the certificate is read: tls://host[:443], smtp+starttls://host[:587].
    protocol = 'tls';
    if (url.pathname || url.search) {
      return {
        probe: false,
        message: `Not probed: a ${scheme} health URL is host and port only, e.g. ${scheme}://${
          url.hostname
        }:${scheme === 'tls' ? 443 : 587}`,
      };
    }
  } else {
    return {
      probe: false,
      message: `Not probed: scheme ${scheme} is not supported (http, https, grpc, grpcs, tls, smtp+starttls)`,
    };
  }
  if (allowedHosts.length === 0) {
    return {
      probe: false,
      message: `Not probed: no host is allowed for health checks; set ${CONFIG_KEY}`,
    };
  }
  if (!isHostAllowed(url.hostname, allowedHosts.map(hostOf))) {
    return {
      probe: false,
      message: `Not probed: host ${url.hostname} is not in ${CONFIG_KEY}`,
    };
  }
  if (!isUrlAllowed(url, allowedHosts)) {
    return {
      probe: false,
      message: `Not probed: path ${url.pathname} of ${url.hostname} is not under a base path that ${CONFIG_KEY} allows`,
    };
  }
  return { probe: true, url, protocol };
}
