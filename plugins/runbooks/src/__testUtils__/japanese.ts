import { TranslationApi, TranslationRef } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';

/**
 * A translation API that answers one translation ref with the given
 * (Japanese) messages and every other ref with its default messages, so that
 * a component can be rendered as a user with the app language `ja` sees it.
 */
export function japaneseTranslationApi(
  ref: TranslationRef,
  messages: Record<string, string>,
): TranslationApi {
  const fallback = mockApis.translation();
  const t = (key: string, options: Record<string, unknown> = {}) => {
    const template =
      ('count' in options ? messages[`${key}_other`] : undefined) ??
      messages[key];
    if (template === undefined) {
      throw new Error(`Missing Japanese message '${key}'`);
    }
    return template.replace(/{{\s*(\w+)\s*}}/g, (_, name) =>
      String(options[name] ?? ''),
    );
  };
  return {
    getTranslation(translationRef) {
      if (translationRef.id !== ref.id) {
        return fallback.getTranslation(translationRef);
      }
      return { ready: true, t } as any;
    },
    translation$(translationRef) {
      return fallback.translation$(translationRef as any);
    },
  } as TranslationApi;
}
