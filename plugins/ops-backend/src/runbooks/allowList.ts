import { BlockList, isIP } from 'node:net';
import { isHostAllowed } from '../lib/allowedHosts';

/**
 * The hosts an `http` target may reach (`ops.runbooks.targets.<name>.allowedHosts`).
 * An entry is one of:
 * - a host name, `rundeck.example.com`, or a glob `*.example.com`;
 * - an IP address `10.0.0.5` / `::1` or a CIDR range `10.0.0.0/8`, `fd00::/8`;
 * each optionally with a port (`rundeck.example.com:4440`, `[::1]:8080`),
 * which then must match too.
 *
 * A URL whose host is a name must match a name entry, and every address the
 * name resolves to is checked as well: link-local and cloud metadata
 * addresses (169.254.0.0/16, fe80::/10, 100.100.100.200, fd00:ec2::254) and
 * unspecified ones (0.0.0.0/8, ::) are refused unless an IP/CIDR entry
 * contains them explicitly. A URL whose host is an IP literal must match an
 * IP/CIDR entry or an entry spelling the same literal.
 */
export interface AllowList {
  names: Array<{ pattern: string; port?: string }>;
  ranges: Array<{ list: BlockList; port?: string }>;
}

const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet('169.254.0.0', 16, 'ipv4');
FORBIDDEN.addSubnet('0.0.0.0', 8, 'ipv4');
FORBIDDEN.addAddress('100.100.100.200', 'ipv4');
FORBIDDEN.addSubnet('fe80::', 10, 'ipv6');
FORBIDDEN.addAddress('fd00:ec2::254', 'ipv6');
FORBIDDEN.addAddress('::', 'ipv6');

function family(address: string): 'ipv4' | 'ipv6' | undefined {
  const v = isIP(address);
  if (v === 4) return 'ipv4';
  if (v === 6) return 'ipv6';
  return undefined;
}

/** `::ffff:169.254.169.254` is the IPv4 address for every check here. */
function plainAddress(address: string): string {
  const bare = address.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  return mapped ? mapped[1] : bare;
}

/** Splits `host:port`, `[v6]:port`, `v6` into host and optional port. */
function splitPort(entry: string): { host: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] };
  if (isIP(entry.split('/')[0])) return { host: entry };
  const withPort = /^(.*):(\d+)$/.exec(entry);
  return withPort ? { host: withPort[1], port: withPort[2] } : { host: entry };
}

/** Reads allowedHosts entries; throws naming the entry that is not one. */
export function parseAllowList(entries: string[], key: string): AllowList {
  const list: AllowList = { names: [], ranges: [] };
  for (const raw of entries) {
    const { host, port } = splitPort(raw.trim());
    const [address, bits, extra] = host.split('/');
    const fam = family(plainAddress(address));
    if (fam) {
      const range = new BlockList();
      if (bits === undefined) {
        range.addAddress(plainAddress(address), fam);
      } else {
        const prefix = Number(bits);
        const max = fam === 'ipv4' ? 32 : 128;
        if (extra !== undefined || !/^\d+$/.test(bits) || prefix > max) {
          throw new Error(`${key}: "${raw}" is not a valid CIDR range`);
        }
        range.addSubnet(plainAddress(address), prefix, fam);
      }
      list.ranges.push({ list: range, port });
    } else if (/^(\*\.)?[a-zA-Z0-9_.-]+$/.test(host)) {
      list.names.push({ pattern: host.toLowerCase(), port });
    } else {
      throw new Error(
        `${key}: "${raw}" is not a host name, glob (*.example.com), IP address or CIDR range`,
      );
    }
  }
  return list;
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

function inRanges(address: string, port: string, list: AllowList): boolean {
  const plain = plainAddress(address);
  const fam = family(plain);
  return (
    fam !== undefined &&
    list.ranges.some(
      r => (!r.port || r.port === port) && r.list.check(plain, fam),
    )
  );
}

/**
 * Whether the URL's host (and port) may be reached at all, before any DNS
 * lookup. Names still need {@link addressesRefused} on what they resolve to.
 */
export function urlAllowed(url: URL, list: AllowList): boolean {
  const port = defaultPort(url);
  const host = plainAddress(url.hostname);
  const byName = list.names.filter(n => !n.port || n.port === port);
  if (
    isHostAllowed(
      host,
      byName.map(n => n.pattern),
    )
  )
    return true;
  return family(host) !== undefined && inRanges(host, port, list);
}

/**
 * The resolved addresses of an allowed host name that must not be
 * connected to (link-local, metadata, unspecified), unless an IP/CIDR entry
 * names them explicitly.
 */
export function addressesRefused(
  url: URL,
  addresses: string[],
  list: AllowList,
): string[] {
  const port = defaultPort(url);
  return addresses.filter(a => {
    const plain = plainAddress(a);
    const fam = family(plain);
    if (!fam) return true;
    return FORBIDDEN.check(plain, fam) && !inRanges(plain, port, list);
  });
}
