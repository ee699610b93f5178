import { parse } from 'yaml';
import { hostileVariants } from '../__testUtils__/hostileVariants';
import {
  loadDocument,
  openSloSchemaOracle,
  readSpecFile,
  specFiles,
} from '../__testUtils__/openSloSchemaTests';

const namesAField = /\b(spec\b|apiVersion\b|kind\b)/;

// Unyo checks the type of every field it reads. The OpenSLO v1 schema leaves
// a few untyped (an SLI's description, isRolling, an inline condition's
// fields): a wrong type there is refused, naming that field.
const wrongType = / of the wrong type$/;

describe('hostile variants of the OpenSLO schema-test files', () => {
  it('loads each variant the OpenSLO schema accepts and refuses the others naming a field', async () => {
    const oracle = openSloSchemaOracle();
    const documents = specFiles()
      .map(file => ({ file, document: parse(readSpecFile(file)) }))
      .filter(({ document }) => oracle(document));
    const count = { accepted: 0, loaded: 0, typed: 0, refusedBySchema: 0 };
    let refused = 0;
    const failures: string[] = [];
    const typedFields = new Set<string>();
    for (const { file, document } of documents) {
      for (const { change, document: variant } of hostileVariants(document)) {
        const { entity, errors } = await loadDocument(variant);
        const ok = Boolean(entity) && errors.length === 0;
        const field = change.replace(wrongType, '');
        if (oracle(variant)) {
          count.accepted += 1;
          if (ok) {
            count.loaded += 1;
          } else if (
            wrongType.test(change) &&
            errors.some(e => e.includes(`${field} must be`))
          ) {
            count.typed += 1;
            typedFields.add(field.replace(/\[\d+\]/g, '[]'));
          } else {
            failures.push(`${file}, ${change}: refused: ${errors.join('; ')}`);
          }
        } else {
          count.refusedBySchema += 1;
          if (!ok && errors.some(e => namesAField.test(e))) refused += 1;
          else
            failures.push(
              `${file}, ${change}: ${errors.join('; ') || 'loaded'}`,
            );
        }
      }
    }
    // eslint-disable-next-line no-console
    console.log(
      [
        `OpenSLO hostile variants: ${count.loaded}/${count.accepted} accepted by the schema loaded`,
        `(${
          count.typed
        } more refused for a wrong type the schema does not check: ${[
          ...typedFields,
        ].join(', ')}),`,
        `${refused}/${count.refusedBySchema} refused by the schema refused naming a field`,
      ].join(' '),
    );
    expect(failures).toEqual([]);
    expect(count.loaded + count.typed).toBe(count.accepted);
    expect(refused).toBe(count.refusedBySchema);
    expect(count.accepted).toBeGreaterThan(300);
    expect(count.refusedBySchema).toBeGreaterThan(700);
  });
});
