import type { RunbookSummary } from '@unyo/plugin-ops-common';
import { orderRunbooks } from './orderRunbooks';

function summary(ref: string, firingAlerts: string[]): RunbookSummary {
  return {
    ref,
    title: ref,
    owner: 'group:default/sre',
    appliesTo: [],
    alerts: firingAlerts,
    firingAlerts,
    actions: [],
    canExecute: true,
  };
}

describe('orderRunbooks', () => {
  it('lists runbooks answering firing alerts first, then the rest, then catalog-only ones', () => {
    const ordered = orderRunbooks(
      [
        'runbook:default/a',
        'runbook:default/c',
        'runbook:default/only-catalog',
      ],
      [
        summary('runbook:default/a', []),
        summary('runbook:default/b', ['X']),
        summary('runbook:default/c', []),
        summary('runbook:default/d', ['Y', 'Z']),
      ],
    );
    expect(ordered.map(r => r.ref)).toEqual([
      'runbook:default/d',
      'runbook:default/b',
      'runbook:default/a',
      'runbook:default/c',
      'runbook:default/only-catalog',
    ]);
    expect(ordered[4].summary).toBeUndefined();
  });
});
