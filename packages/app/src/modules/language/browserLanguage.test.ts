import { browserLanguage } from './browserLanguage';

describe('browserLanguage', () => {
  it('takes the first preferred language the app offers, by primary subtag', () => {
    expect(browserLanguage(['ja-JP', 'en-US'], ['en', 'ja'])).toBe('ja');
    expect(browserLanguage(['fr-FR', 'en-GB', 'ja'], ['en', 'ja'])).toBe('en');
    expect(browserLanguage(['JA'], ['en', 'ja'])).toBe('ja');
  });

  it('finds nothing when the app offers none of them', () => {
    expect(browserLanguage(['fr-FR', 'de'], ['en', 'ja'])).toBeUndefined();
    expect(browserLanguage([], ['en', 'ja'])).toBeUndefined();
  });
});
