import { judgeCertificate } from './certificate';

const now = new Date('2026-12-06T00:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
const judge = (days: number, nameMatches = true) =>
  judgeCertificate({ notAfter: inDays(days), nameMatches, host: 'a', now });

describe('judgeCertificate', () => {
  it('is ok above 30 days, warning to 7, critical below, by default', () => {
    expect(judge(45)).toEqual({ state: 'ok', health: 'up', daysLeft: 45 });
    expect(judge(20.5)).toEqual({
      state: 'warning',
      health: 'degraded',
      daysLeft: 20,
      message: 'Certificate expires in 20 days',
    });
    expect(judge(5.2)).toMatchObject({
      state: 'critical',
      health: 'down',
      daysLeft: 5,
    });
  });

  it('follows configured thresholds', () => {
    const r = judgeCertificate(
      { notAfter: inDays(50), nameMatches: true, host: 'a', now },
      { warningDays: 60, criticalDays: 14 },
    );
    expect(r.state).toBe('warning');
  });

  it('says how long ago an expired certificate expired', () => {
    expect(judge(-3.5)).toEqual({
      state: 'critical',
      health: 'down',
      daysLeft: -4,
      message: 'Certificate expired 3 days ago',
    });
  });

  it('makes a name mismatch critical even with a year left', () => {
    expect(judge(365, false)).toEqual({
      state: 'critical',
      health: 'down',
      daysLeft: 365,
      message: 'Certificate name mismatch: not valid for a',
    });
  });
});
