import { LastGood } from './LastGood';

describe('LastGood', () => {
  const at = (minute: number) => () => new Date(minute * 60_000);
  const down = () => Promise.reject(new Error('connection refused'));

  it('answers the last good value and its time when the load fails', async () => {
    const last = new LastGood<string>();
    expect(await last.read('a', down, at(0))).toEqual({
      error: new Error('connection refused'),
      last: undefined,
    });
    expect(await last.read('a', async () => 'v1', at(1))).toEqual({
      value: 'v1',
    });
    expect(await last.read('a', down, at(5))).toEqual({
      error: new Error('connection refused'),
      last: { value: 'v1', at: new Date(60_000) },
    });
  });

  it('keeps at most maxEntries keys, forgetting the least recently refreshed', async () => {
    const last = new LastGood<string>(2);
    await last.read('a', async () => 'a', at(0));
    await last.read('b', async () => 'b', at(0));
    await last.read('a', async () => 'a2', at(1));
    await last.read('c', async () => 'c', at(2));
    expect(await last.read('b', down, at(3))).toMatchObject({
      last: undefined,
    });
    expect(await last.read('a', down, at(3))).toMatchObject({
      last: { value: 'a2' },
    });
  });
});
