import { ConfigReader } from '@backstage/config';
import { readNotificationsConfig } from './notifications';

const read = (data: object) => readNotificationsConfig(new ConfigReader(data));

describe('readNotificationsConfig', () => {
  it('turns every kind on, in English, 5 minutes of outage, when nothing is set', () => {
    expect(readNotificationsConfig(undefined)).toEqual({
      kinds: {
        sloPolicy: true,
        burnRate: true,
        backups: true,
        health: true,
        runbooks: true,
      },
      healthOutageMinutes: 5,
      locale: 'en',
      digests: {
        weekly: { enabled: true, cron: '0 8 * * 1' },
        // No recipients configured: no monthly digest.
        monthly: { enabled: false, cron: '0 8 1 * *', recipients: [] },
        topBurners: 3,
      },
    });
  });

  it('sends the monthly digest to the configured groups; none of the digests when notifications are off', () => {
    const digests = { monthly: { recipients: ['eng-managers'] } };
    expect(read({ digests }).digests.monthly).toEqual({
      enabled: true,
      cron: '0 8 1 * *',
      recipients: ['group:default/eng-managers'],
    });
    const off = read({ enabled: false, digests }).digests;
    expect([off.weekly.enabled, off.monthly.enabled]).toEqual([false, false]);
  });

  it('refuses a recipient that is no entity ref and a negative topBurners, naming the key', () => {
    expect(() =>
      read({ digests: { monthly: { recipients: ['user:'] } } }),
    ).toThrow(
      'ops.notifications.digests.monthly.recipients must hold entity refs of groups; got "user:"',
    );
    expect(() => read({ digests: { topBurners: -1 } })).toThrow(
      'ops.notifications.digests.topBurners must be a whole number, 0 or more; got -1',
    );
  });

  it('enabled: false turns every kind off, whatever each kind says', () => {
    const { kinds } = read({ enabled: false, backups: { enabled: true } });
    expect(Object.values(kinds)).toEqual([false, false, false, false, false]);
  });

  it('refuses a locale it has no texts for, naming the key', () => {
    expect(() => read({ locale: 'fr' })).toThrow(
      'ops.notifications.locale must be one of en, ja; got "fr"',
    );
  });

  it('refuses a negative outage time, naming the key', () => {
    expect(() => read({ health: { outageMinutes: -1 } })).toThrow(
      'ops.notifications.health.outageMinutes must be a number of minutes, 0 or more; got -1',
    );
  });
});
