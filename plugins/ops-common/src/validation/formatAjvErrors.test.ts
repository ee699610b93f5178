import { toReadablePath } from './formatAjvErrors';

describe('toReadablePath', () => {
  it.each([
    ['', ''],
    ['/spec/service', 'spec.service'],
    ['/spec/objectives/0/target', 'spec.objectives[0].target'],
    [
      '/spec/actions/2/request/headers/X-Token',
      'spec.actions[2].request.headers.X-Token',
    ],
    ['/spec/a~1b/c d', 'spec["a/b"]["c d"]'],
  ])('%j → %j', (pointer, readable) => {
    expect(toReadablePath(pointer)).toBe(readable);
  });
});
