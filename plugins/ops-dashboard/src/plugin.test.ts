import { opsDashboardPlugin } from './plugin';

describe('ops-dashboard', () => {
  it('should export plugin', () => {
    expect(opsDashboardPlugin).toBeDefined();
  });
});
