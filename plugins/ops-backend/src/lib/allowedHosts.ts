/** Why a health URL is or is not probed, decided before any connection. */
export type HealthTarget =
  | { probe: true; url: URL; protocol: 'http' | 'grpc' }
  | { probe: false; message: string };

const CONFIG_KEY = 'ops.health.allowedHosts';

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
  let protocol: 'http' | 'grpc';
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
  } else {
    return {
      probe: false,
      message: `Not probed: scheme ${scheme} is not supported (http, https, grpc, grpcs)`,
    };
  }
  if (allowedHosts.length === 0) {
    return {
      probe: false,
      message: `Not probed: no host is allowed for health checks; set ${CONFIG_KEY}`,
    };
  }
  if (!isHostAllowed(url.hostname, allowedHosts)) {
    return {
      probe: false,
      message: `Not probed: host ${url.hostname} is not in ${CONFIG_KEY}`,
    };
  }
  return { probe: true, url, protocol };
}
