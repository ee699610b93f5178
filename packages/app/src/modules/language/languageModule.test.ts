import { ApiBlueprint, AppLanguageApi } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { appLanguageApi } from './languageModule';

// The real Backstage app language API (with its storage), as the app
// configures it, in a browser whose languages the test sets.
function startLanguageApi(browser: string[]): AppLanguageApi {
  jest.spyOn(window.navigator, 'languages', 'get').mockReturnValue(browser);
  const factory = createExtensionTester(appLanguageApi, {
    config: { availableLanguages: ['en', 'ja'] },
  }).get(ApiBlueprint.dataRefs.factory);
  return factory.factory({}) as AppLanguageApi;
}

// Backstage writes the language to storage once its subject delivers it.
const stored = () => new Promise(resolve => setTimeout(resolve, 10));

describe('app language', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => jest.restoreAllMocks());

  it('starts in the browser language on a first visit and keeps it', async () => {
    expect(startLanguageApi(['ja-JP', 'en-US']).getLanguage().language).toBe(
      'ja',
    );
    await stored();
    // the next visit reads the stored language, whatever the browser says
    expect(startLanguageApi(['en-US']).getLanguage().language).toBe('ja');
  });

  it("follows the user's stored choice over the browser", async () => {
    startLanguageApi(['ja-JP']).setLanguage('en');
    await stored();
    expect(startLanguageApi(['ja-JP']).getLanguage().language).toBe('en');
  });

  it('stays in the default language for a browser language the app lacks', () => {
    expect(startLanguageApi(['fr-FR']).getLanguage().language).toBe('en');
  });
});
