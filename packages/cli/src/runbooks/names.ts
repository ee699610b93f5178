const MAX_NAME_LENGTH = 63;

/** Lower-case ASCII words of a text joined by `-` (Japanese is dropped). */
export function asciiSlug(text: string): string {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('-');
}

/** Backstage's rule for metadata.name. */
export function isValidEntityName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= MAX_NAME_LENGTH &&
    /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/.test(name)
  );
}

/**
 * `<prefix>-<nn>[-<ascii words of the title>]`: the position keeps names
 * unique and stable in document order, the words (when the heading has any)
 * make them readable; Japanese-only headings get the position alone.
 *
 * @public
 */
export function runbookName(
  prefix: string,
  index: number,
  total: number,
  title: string,
): string {
  const position = String(index + 1).padStart(
    Math.max(2, String(total).length),
    '0',
  );
  const base = `${prefix}-${position}`;
  const room = MAX_NAME_LENGTH - base.length - 1;
  const slug = asciiSlug(title).slice(0, Math.max(0, room)).replace(/-+$/, '');
  return slug ? `${base}-${slug}` : base;
}

/** A name prefix from a file name: `004_822f.txt` → `004-822f`. */
export function prefixFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return asciiSlug(base).slice(0, 24).replace(/-+$/, '') || 'imported';
}
