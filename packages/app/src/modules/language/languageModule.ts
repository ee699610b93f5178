import {
  ApiBlueprint,
  AppLanguageApi,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import appPlugin from '@backstage/plugin-app';
import { browserLanguage } from './browserLanguage';

// Where Backstage's app language API keeps the user's choice
// (AppLanguageSelector.createWithStorage): present once a language was set.
const STORED_LANGUAGE_KEY = 'language';

function isFirstVisit(): boolean {
  try {
    return window.localStorage.getItem(STORED_LANGUAGE_KEY) === null;
  } catch {
    // Storage refused (private mode): nothing stored, so nothing to respect.
    return true;
  }
}

/**
 * Backstage's app language API (`api:app/app-language`, configured by
 * `availableLanguages`), which on a first visit starts in the browser's
 * language when the app offers it. Backstage then stores the language, and
 * from the next visit on the user's stored setting wins.
 */
export const appLanguageApi = appPlugin
  .getExtension('api:app/app-language')
  .override({
    factory(originalFactory) {
      const apiFactory = originalFactory().get(ApiBlueprint.dataRefs.factory);
      return [
        ApiBlueprint.dataRefs.factory({
          ...apiFactory,
          factory: deps => {
            const firstVisit = isFirstVisit();
            const api = apiFactory.factory(deps) as AppLanguageApi;
            if (firstVisit) {
              const language = browserLanguage(
                window.navigator.languages ?? [window.navigator.language],
                api.getAvailableLanguages().languages,
              );
              if (language) api.setLanguage(language);
            }
            return api;
          },
        }),
      ];
    },
  });

/** The app's language: the browser's on a first visit, then the user's. */
export const languageModule = createFrontendModule({
  pluginId: 'app',
  extensions: [appLanguageApi],
});
