import { TranslationApi, TranslationRef } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';

/**
 * A translation API that answers the given translation refs with their
 * (Japanese) messages and every other ref with its default messages, so that
 * a component can be rendered as a user with the app language `ja` sees it.
 */
export function japaneseTranslationApi(
  ref: TranslationRef,
  messages: Record<string, string>,
  also: Array<[TranslationRef, Record<string, string>]> = [],
): TranslationApi {
  const fallback = mockApis.translation();
  const byId = new Map(
    [[ref, messages] as const, ...also].map(([r, m]) => [r.id, translate(m)]),
  );
  return {
    getTranslation(translationRef) {
      const t = byId.get(translationRef.id);
      if (!t) return fallback.getTranslation(translationRef);
      return { ready: true, t } as any;
    },
    translation$(translationRef) {
      return fallback.translation$(translationRef as any);
    },
  } as TranslationApi;
}

function translate(messages: Record<string, string>) {
  return (key: string, options: Record<string, unknown> = {}) => {
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
}
