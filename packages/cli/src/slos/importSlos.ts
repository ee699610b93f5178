import { parseAllDocuments } from 'yaml';
import { toSloEntity } from './envelope';
import { FieldError, isFields, type Fields } from './fields';
import { convertPyrra, isPyrraSlo } from './pyrra';
import { convertSloth, slothFormat } from './sloth';
import { convertOpenSloAlpha, isOpenSloAlpha } from './slothOpenSlo';
import type {
  ImportSlosOptions,
  SkippedSlo,
  SloImport,
  SloOutcome,
} from './types';

const FORMATS =
  'a Sloth spec (version: prometheus/v1, or apiVersion: sloth.slok.dev/v1 kind: PrometheusServiceLevel), an OpenSLO v1alpha SLO (apiVersion: openslo/v1alpha) or a Pyrra ServiceLevelObjective (apiVersion: pyrra.dev/v1alpha1)';

/** The format of one document, and its SLOs; throws a FieldError when unusable. */
function convertDocument(doc: Fields): {
  format: string;
  outcomes: SloOutcome[];
} {
  const sloth = slothFormat(doc);
  if (sloth) return { format: sloth, outcomes: convertSloth(doc) };
  if (isOpenSloAlpha(doc)) {
    return {
      format: 'OpenSLO v1alpha (Sloth)',
      outcomes: convertOpenSloAlpha(doc),
    };
  }
  if (isPyrraSlo(doc)) {
    return {
      format: 'Pyrra ServiceLevelObjective',
      outcomes: convertPyrra(doc),
    };
  }
  if (doc.apiVersion === 'openslo/v1') {
    throw new FieldError(
      'apiVersion',
      'openslo/v1 is already what the catalog reads: add the file as it is',
    );
  }
  // A known apiVersion with another kind names the kind.
  const knownApiVersion =
    doc.apiVersion === 'sloth.slok.dev/v1' ||
    doc.apiVersion === 'openslo/v1alpha' ||
    String(doc.apiVersion).startsWith('pyrra.dev/');
  let field = knownApiVersion ? 'kind' : 'apiVersion';
  if (doc.version !== undefined || doc.apiVersion === undefined) {
    field = 'version';
  }
  const value = doc[field];
  throw new FieldError(
    field,
    `${
      value === undefined
        ? 'is missing'
        : `${JSON.stringify(value)} is not read`
    }: the importer takes ${FORMATS}`,
  );
}

/**
 * Converts Sloth and Pyrra SLO files into OpenSLO v1 SLO documents for the
 * catalog. Pure: the YAML text in, the documents and, per SLO and per field,
 * what was not converted and why.
 *
 * @public
 */
export function importSlos(
  yaml: string,
  options: ImportSlosOptions,
): SloImport {
  const result: SloImport = { formats: [], slos: [], skipped: [] };
  const usedBy = new Map<string, string>();
  const docs = parseAllDocuments(yaml, { prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];

  list.forEach((parsed, index) => {
    const where = `${options.source}#${index + 1}`;
    const skip = (reasons: SkippedSlo['reasons'], from = where) =>
      result.skipped.push({ from, reasons });
    if (parsed.errors.length) {
      skip([{ field: '(YAML)', reason: parsed.errors[0].message.trim() }]);
      return;
    }
    let doc: unknown;
    try {
      doc = parsed.toJS({ maxAliasCount: 100 });
    } catch (error) {
      skip([{ field: '(YAML)', reason: (error as Error).message }]);
      return;
    }
    // An empty document (a trailing `---`, a file of comments) holds nothing.
    if (doc === null || doc === undefined) return;
    if (!isFields(doc)) {
      skip([{ field: '(document)', reason: 'is not a mapping' }]);
      return;
    }
    let converted;
    try {
      converted = convertDocument(doc);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      skip([{ field: error.field, reason: error.message }]);
      return;
    }
    result.formats.push(converted.format);
    for (const outcome of converted.outcomes) {
      const from = `${where}/${outcome.label}`;
      if (!outcome.ok) {
        skip(outcome.reasons, from);
        continue;
      }
      const entity = toSloEntity(outcome.slo, from, options.service);
      if ('reasons' in entity) {
        skip(entity.reasons, from);
        continue;
      }
      const name = entity.imported.entity.metadata.name;
      const earlier = usedBy.get(name);
      if (earlier) {
        skip(
          [
            {
              field: outcome.slo.nameField,
              reason: `makes metadata.name "${name}", already used by ${earlier}`,
            },
          ],
          from,
        );
        continue;
      }
      usedBy.set(name, from);
      result.slos.push(entity.imported);
    }
  });
  return result;
}
