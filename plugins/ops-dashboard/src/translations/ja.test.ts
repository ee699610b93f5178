import { opsDashboardTranslationRef } from '../translation';
import ja from './ja';

describe('Japanese messages', () => {
  it('translate every English message and keep its placeholders', () => {
    const english = (
      opsDashboardTranslationRef as any
    ).getDefaultMessages() as Record<string, string>;
    const placeholders = (text: string) =>
      (text.match(/{{\s*\w+\s*}}/g) ?? [])
        .map(p => p.replace(/\s/g, ''))
        .sort();
    expect(Object.keys(ja).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      expect([key, placeholders((ja as Record<string, string>)[key])]).toEqual([
        key,
        placeholders(text),
      ]);
    }
  });
});
