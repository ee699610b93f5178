import { forStateOpenMetrics, ruleDuration } from './forState';

describe('ALERTS_FOR_STATE for pending demo alerts', () => {
  const rules = [
    {
      name: 'QueueBacklog',
      labels: { severity: 'critical', service: 'mairust-smtp' },
      duration: 600,
    },
    {
      name: 'QueueBacklog',
      labels: { severity: 'warning', service: 'other' },
      duration: 60,
    },
  ];
  const pending = {
    state: 'pending',
    labels: {
      alertname: 'QueueBacklog',
      severity: 'critical',
      service: 'mairust-smtp',
    },
  };

  it("finds the `for` of the alert's own rule", () => {
    expect(ruleDuration(pending, rules)).toBe(600);
    expect(
      ruleDuration({ state: 'pending', labels: { alertname: 'Nope' } }, rules),
    ).toBeUndefined();
  });

  it('backfills pending alerts as active since before their `for` ran out', () => {
    const nowMs = 1_800_000_000_000;
    const { text, alerts } = forStateOpenMetrics({
      alerts: [
        pending,
        { ...pending, state: 'firing' },
        { state: 'pending', labels: { alertname: 'Nope' } },
      ],
      rules,
      nowMs,
      stepSeconds: 60,
    });
    const lines = text.trim().split('\n');
    expect(alerts).toBe(1);
    expect(lines[0]).toBe('# TYPE ALERTS_FOR_STATE gauge');
    expect(lines[lines.length - 1]).toBe('# EOF');
    const activeAt = 1_800_000_000 - 600 - 120;
    expect(lines[1]).toBe(
      `ALERTS_FOR_STATE{alertname="QueueBacklog",service="mairust-smtp",severity="critical"} ${activeAt} ${activeAt}`,
    );
    // Samples up to now, every minute: (600 + 120) / 60 + 1.
    expect(lines).toHaveLength(2 + 13);
    expect(lines[lines.length - 2]).toMatch(/ 1800000000$/);
  });
});
