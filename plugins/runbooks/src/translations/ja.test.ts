import { runbooksFormTranslationRef } from '../formTranslation';
import { runbooksTranslationRef } from '../translation';
import formJa from './form.ja';
import ja from './ja';

const placeholders = (text: string) =>
  (text.match(/{{\s*\w+\s*}}/g) ?? []).map(p => p.replace(/\s/g, '')).sort();

describe('Japanese messages', () => {
  it.each([
    ['plugin.runbooks', runbooksTranslationRef, ja],
    ['plugin.runbooks.form', runbooksFormTranslationRef, formJa],
  ])(
    '%s: translate every English message and keep its placeholders',
    (_id, ref, messages) => {
      const english = (ref as any).getDefaultMessages() as Record<
        string,
        string
      >;
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        expect([
          key,
          placeholders((messages as Record<string, string>)[key]),
        ]).toEqual([key, placeholders(text)]);
      }
    },
  );
});
