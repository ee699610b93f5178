import { SloStatus } from '@unyo/plugin-ops-common';
import { presentStatus } from './presentStatus';

const description = {
  ref: 'slo:default/identity-availability',
  entityRef: 'component:default/identity-service',
  title: 'Identity availability',
  target: 0.999,
  window: { duration: '30d', calendar: false },
  budgetingMethod: 'Occurrences' as const,
};

const good: SloStatus = {
  ...description,
  state: 'ok',
  sli: { good: 999_300, total: 1_000_000, ratio: 0.9993 },
  errorBudget: {
    total: 1000,
    consumed: 700,
    consumedRatio: 0.7,
    remainingRatio: 0.3,
  },
  policy: 'feature-freeze',
  evaluatedAt: '2026-11-20T10:00:00.000Z',
};

describe('presentStatus', () => {
  const now = new Date('2026-11-20T10:12:00.000Z');

  it('says why an SLO has no evaluation yet', () => {
    const status = presentStatus({
      description,
      notEvaluatedMessage:
        'No Prometheus server is configured (ops.prometheus.servers)',
      now,
    });
    expect(status).toMatchObject({
      state: 'error',
      message: 'No Prometheus server is configured (ops.prometheus.servers)',
      target: 0.999,
    });
    expect(status.errorBudget).toBeUndefined();
  });

  it('shows the last good values with their age when the latest evaluation failed', () => {
    const status = presentStatus({
      description,
      stored: {
        status: {
          ...description,
          state: 'error',
          message: 'Prometheus default: connection refused',
          evaluatedAt: '2026-11-20T10:11:00.000Z',
        },
        lastGood: good,
      },
      notEvaluatedMessage: 'unused',
      now,
    });
    expect(status.state).toBe('error');
    expect(status.message).toBe('Prometheus default: connection refused');
    expect(status.errorBudget?.remainingRatio).toBe(0.3);
    expect(status.evaluatedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(status.lastSuccessAt).toBe('2026-11-20T10:00:00.000Z');
    expect(status.staleSeconds).toBe(720);
  });

  it('shows an error without values when there never was a good evaluation', () => {
    const failed: SloStatus = {
      ...description,
      state: 'error',
      message: 'bad_data: parse error',
      evaluatedAt: '2026-11-20T10:11:00.000Z',
    };
    expect(
      presentStatus({
        description,
        stored: { status: failed },
        notEvaluatedMessage: 'x',
        now,
      }),
    ).toEqual(failed);
  });

  it('takes target and window from the current catalog document', () => {
    const status = presentStatus({
      description: { ...description, target: 0.9995 },
      stored: { status: good, lastGood: good },
      notEvaluatedMessage: 'x',
      now,
    });
    expect(status.target).toBe(0.9995);
    expect(status.state).toBe('ok');
    expect(status.staleSeconds).toBeUndefined();
  });
});
