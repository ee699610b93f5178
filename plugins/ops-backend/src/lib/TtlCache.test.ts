import { TtlCache } from './TtlCache';

/** A load whose answer the test gives when it wants. */
function controlledLoad() {
  const calls: Array<{
    resolve: (v: string) => void;
    reject: (e: Error) => void;
  }> = [];
  const load = () =>
    new Promise<string>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

/** A cache whose first load answered "old", at `at` ms (after its expiry). */
async function expiredCache(at: number, staleMs?: number) {
  const cache = new TtlCache<string>(1000, 50, staleMs);
  const { load, calls } = controlledLoad();
  const first = cache.get('k', load);
  calls[0].resolve('old');
  await first;
  jest.setSystemTime(at);
  return { cache, load, calls };
}

describe('TtlCache', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('shares one load between callers within the time to live', async () => {
    const cache = new TtlCache<string>(1000);
    const { load, calls } = controlledLoad();
    const a = cache.get('k', load);
    const b = cache.get('k', load);
    calls[0].resolve('year');
    expect(await a).toBe('year');
    expect(await b).toBe('year');
    expect(calls).toHaveLength(1);
  });

  it('without a stale allowance, waits for a new load after expiry', async () => {
    const { cache, load, calls } = await expiredCache(1500);
    const second = cache.get('k', load);
    calls[1].resolve('new');
    expect(await second).toBe('new');
  });

  it('answers an expired value at once while one reload runs, then the new one', async () => {
    const { cache, load, calls } = await expiredCache(1500, 60_000);
    expect(await cache.get('k', load)).toBe('old');
    expect(await cache.get('k', load)).toBe('old');
    expect(calls).toHaveLength(2);
    calls[1].resolve('new');
    await Promise.resolve();
    await Promise.resolve();
    expect(await cache.get('k', load)).toBe('new');
    expect(calls).toHaveLength(2);
  });

  it('keeps the stale value when its reload fails, and tries again', async () => {
    const { cache, load, calls } = await expiredCache(1500, 60_000);
    expect(await cache.get('k', load)).toBe('old');
    calls[1].reject(new Error('database down'));
    await Promise.resolve();
    await Promise.resolve();
    expect(await cache.get('k', load)).toBe('old');
    expect(calls).toHaveLength(3);
  });

  it('waits for a fresh load once the stale allowance has passed', async () => {
    const { cache, load, calls } = await expiredCache(1000 + 60_001, 60_000);
    const late = cache.get('k', load);
    calls[1].resolve('new');
    expect(await late).toBe('new');
  });

  it('shares a load however long it takes, and counts the time to live from its answer', async () => {
    const cache = new TtlCache<string>(1000);
    const { load, calls } = controlledLoad();
    const first = cache.get('k', load);
    jest.setSystemTime(5000);
    // Still loading after its time to live: shared, not started again.
    expect(cache.get('k', load)).toBe(first);
    expect(calls).toHaveLength(1);
    calls[0].resolve('slow');
    await first;
    jest.setSystemTime(5900);
    expect(await cache.get('k', load)).toBe('slow');
    expect(calls).toHaveLength(1);
    jest.setSystemTime(6001);
    const next = cache.get('k', load);
    calls[1].resolve('again');
    expect(await next).toBe('again');
  });
});
