import { runbooksPlugin } from './plugin';

describe('runbooks', () => {
  it('should export plugin', () => {
    expect(runbooksPlugin).toBeDefined();
  });
});
