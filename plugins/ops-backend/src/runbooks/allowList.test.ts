import { parseAllowList } from './allowList';
import { HostRefusedError, pinUrl, Resolver } from './pinnedRequest';

const KEY = 'ops.runbooks.targets.t.allowedHosts';
const resolver =
  (addresses: string[]): Resolver =>
  async () =>
    addresses.map(address => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HostRefusedError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('pinUrl', () => {
  it('pins an allowed host name to the address it resolves to', async () => {
    const list = parseAllowList(['rundeck.example.com'], KEY);
    await expect(
      pinUrl(
        new URL('https://rundeck.example.com/api'),
        list,
        KEY,
        resolver(['10.1.2.3']),
      ),
    ).resolves.toMatchObject({ address: '10.1.2.3', family: 4 });
  });

  it('matches globs below a suffix only, and ports when the entry has one', async () => {
    const list = parseAllowList(['*.example.com', 'jenkins.ci:8443'], KEY);
    const pin = (url: string) =>
      pinUrl(new URL(url), list, KEY, resolver(['10.0.0.1']));
    await expect(pin('https://a.b.example.com/x')).resolves.toBeDefined();
    expect(await refusal(pin('https://example.com/x'))).toBe(
      `example.com is not in ${KEY}`,
    );
    expect(await refusal(pin('https://evil-example.com/x'))).toBe(
      `evil-example.com is not in ${KEY}`,
    );
    await expect(pin('https://jenkins.ci:8443/x')).resolves.toBeDefined();
    expect(await refusal(pin('https://jenkins.ci/x'))).toBe(
      `jenkins.ci is not in ${KEY}`,
    );
  });

  it('refuses a name resolving to link-local or metadata addresses unless listed as an IP', async () => {
    const names = parseAllowList(['awx.example.com'], KEY);
    const url = new URL('http://awx.example.com/api/v2/');
    expect(
      await refusal(
        pinUrl(url, names, KEY, resolver(['10.0.0.2', '169.254.169.254'])),
      ),
    ).toBe(
      `awx.example.com resolves to 169.254.169.254 (link-local, metadata or unspecified), which ${KEY} does not list explicitly`,
    );
    expect(
      await refusal(pinUrl(url, names, KEY, resolver(['::ffff:169.254.1.1']))),
    ).toContain('resolves to ::ffff:169.254.1.1');
    expect(
      await refusal(pinUrl(url, names, KEY, resolver(['fe80::1']))),
    ).toContain('resolves to fe80::1');
    const explicit = parseAllowList(['awx.example.com', '169.254.0.0/16'], KEY);
    await expect(
      pinUrl(url, explicit, KEY, resolver(['169.254.169.254'])),
    ).resolves.toMatchObject({ address: '169.254.169.254' });
  });

  it('admits IP literals only through IP or CIDR entries', async () => {
    const list = parseAllowList(['10.0.0.0/8', '[::1]:8080'], KEY);
    const pin = (url: string) => pinUrl(new URL(url), list, KEY);
    await expect(pin('http://10.20.30.40/x')).resolves.toMatchObject({
      address: '10.20.30.40',
    });
    await expect(pin('http://[::1]:8080/x')).resolves.toMatchObject({
      address: '::1',
      family: 6,
    });
    expect(await refusal(pin('http://[::1]:8081/x'))).toBe(
      `[::1]:8081 is not in ${KEY}`,
    );
    expect(await refusal(pin('http://11.0.0.1/x'))).toBe(
      `11.0.0.1 is not in ${KEY}`,
    );
    expect(await refusal(pin('http://169.254.169.254/x'))).toBe(
      `169.254.169.254 is not in ${KEY}`,
    );
  });

  it('refuses other schemes, credentials in URLs and names that do not resolve', async () => {
    const list = parseAllowList(['h.example.com'], KEY);
    expect(
      await refusal(pinUrl(new URL('file:///etc/passwd'), list, KEY)),
    ).toBe('file: URLs are not allowed');
    expect(
      await refusal(pinUrl(new URL('http://u:p@h.example.com/'), list, KEY)),
    ).toBe('URLs with credentials are not allowed: set headers in app-config');
    const failing: Resolver = async () => {
      throw new Error('getaddrinfo ENOTFOUND h.example.com');
    };
    expect(
      await refusal(
        pinUrl(new URL('http://h.example.com/'), list, KEY, failing),
      ),
    ).toBe(
      'h.example.com could not be resolved: getaddrinfo ENOTFOUND h.example.com',
    );
  });

  it('names an entry that is not a host, glob, IP or range', () => {
    expect(() => parseAllowList(['10.0.0.0/33'], KEY)).toThrow(
      `${KEY}: "10.0.0.0/33" is not a valid CIDR range`,
    );
    expect(() => parseAllowList(['https://x.example.com'], KEY)).toThrow(
      `${KEY}: "https://x.example.com" is not a host name, glob (*.example.com), IP address or CIDR range`,
    );
  });
});
