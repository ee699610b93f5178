import { changesBetween } from './markers';
import type { ChangeMarker } from './types';

const change = (id: string, at: string): ChangeMarker => ({
  id,
  entityRef: 'component:default/checkout',
  at,
  kind: 'deploy',
  title: `Deploy ${id}`,
  createdBy: 'ci',
  createdAt: at,
});

describe('changesBetween', () => {
  it('keeps the changes in the range, bounds included, oldest first', () => {
    const from = Date.parse('2026-12-01T00:00:00Z');
    const to = Date.parse('2026-12-02T00:00:00Z');
    const changes = [
      change('late', '2026-12-02T00:00:00Z'),
      change('before', '2026-11-30T23:59:59Z'),
      change('first', '2026-12-01T00:00:00Z'),
      change('after', '2026-12-02T00:00:01Z'),
      change('middle', '2026-12-01T12:00:00+09:00'),
    ];
    expect(changesBetween(changes, from, to).map(c => c.id)).toEqual([
      'first',
      'middle',
      'late',
    ]);
  });
});
