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
    });
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
