import { Document, isMap, isScalar, type Pair } from 'yaml';
import type { ImportedRunbook } from './importRunbooks';

function specPair(doc: Document, key: string): Pair | undefined {
  const spec = doc.get('spec', true);
  if (!isMap(spec)) return undefined;
  return spec.items.find(p => isScalar(p.key) && p.key.value === key) as
    | Pair
    | undefined;
}

/**
 * Multi-document YAML of the drafts, each opened by a `# TODO review`
 * comment saying where it comes from and what to check, and with a
 * `# TODO review` comment on every placeholder.
 *
 * @public
 */
export function runbooksToYaml(runbooks: ImportedRunbook[]): string {
  return runbooks
    .map(({ entity, line, placeholders }) => {
      const doc = new Document(entity);
      const source =
        entity.metadata.annotations?.['unyo.dev/imported-from'] ?? '';
      doc.commentBefore = [
        ` TODO review: draft imported from ${source} (line ${line}) by \`unyo import-runbooks\`.`,
        ' Check every step and run command, give English titles (titleJa keeps the',
        " manual's words), set owner, appliesTo, severity and alerts, add actions.",
      ].join('\n');
      for (const field of placeholders) {
        const pair = specPair(doc, field.replace(/^spec\./, ''));
        const option = field === 'spec.owner' ? '--owner' : '--applies-to';
        if (pair && isScalar(pair.key)) {
          pair.key.commentBefore = ` TODO review: placeholder, set it (or pass ${option})`;
        }
      }
      return doc.toString({ lineWidth: 0 });
    })
    .join('---\n');
}
