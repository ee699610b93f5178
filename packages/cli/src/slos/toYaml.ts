import { Document, isMap, isScalar, type Pair } from 'yaml';
import type { ImportedSlo } from './types';

function specPair(doc: Document, key: string): Pair | undefined {
  const spec = doc.get('spec', true);
  if (!isMap(spec)) return undefined;
  return spec.items.find(p => isScalar(p.key) && p.key.value === key) as
    | Pair
    | undefined;
}

/**
 * Multi-document YAML of the imported SLOs, each opened by a comment saying
 * where it comes from and what of the source was not converted, with a
 * `TODO review` comment on every placeholder.
 *
 * @public
 */
export function slosToYaml(slos: ImportedSlo[]): string {
  return slos
    .map(({ entity, from, notConverted, placeholders }) => {
      const doc = new Document(entity);
      doc.commentBefore = [
        ` Imported from ${from} by \`unyo import-slos\`: review before adding it to the catalog.`,
        ...notConverted.map(n => ` ${n.field}: ${n.reason}`),
      ].join('\n');
      for (const field of placeholders) {
        const pair = specPair(doc, field.replace(/^spec\./, ''));
        if (pair && isScalar(pair.key)) {
          pair.key.commentBefore =
            ' TODO review: placeholder, the entity this SLO measures (or pass --service)';
        }
      }
      return doc.toString({ lineWidth: 0 });
    })
    .join('---\n');
}
