/** Removes inline Markdown (emphasis, code spans, links, images) from text. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+#+\s*$/, '')
    .trim();
}

/**
 * The anchor GitHub gives a heading: lower case, punctuation dropped (letters
 * of every script kept, so Japanese headings keep their text), spaces as `-`.
 */
export function headingAnchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Leading section numbers such as `1.`, `4.3`, `2)` or `（1）`. */
const NUMBERING = /^(?:\d+(?:\.\d+)*(?:[.)．]\s*|\s+)|[(（]\d+[)）]\s*)/;

/** A title without its leading section number: `4.3 ランブック` → `ランブック`. */
export function withoutNumbering(title: string): string {
  const stripped = title.replace(NUMBERING, '').trim();
  return stripped || title.trim();
}

/** Whether a title starts with a step number such as `1.` or `2)`. */
export function hasStepNumber(title: string): boolean {
  return /^\d+[.)．](?!\d)\s*\S/.test(title.trim());
}
