/**
 * The first of the browser's preferred languages (`navigator.languages`, e.g.
 * `ja-JP`, `en-US`) that the app offers, matched exactly or by its primary
 * subtag (`ja-JP` → `ja`); undefined when the app offers none of them.
 */
export function browserLanguage(
  preferred: readonly string[],
  available: readonly string[],
): string | undefined {
  const offered = new Map(
    available.map(language => [language.toLocaleLowerCase('en-US'), language]),
  );
  for (const tag of preferred) {
    const lower = tag.toLocaleLowerCase('en-US');
    const match = offered.get(lower) ?? offered.get(lower.split('-')[0]);
    if (match) return match;
  }
  return undefined;
}
