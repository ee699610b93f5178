import {
  ANNOTATION_ASSUMPTIONS,
  OPENSLO_API_VERSION,
  SLO_KIND,
  validateOpsEntity,
  type SloEntity,
} from '@unyo/plugin-ops-common';
import { IMPORTED_FROM_ANNOTATION } from '../runbooks/importRunbooks';
import { at } from './fields';
import { catalogLabels, isValidObjectName } from './metadata';
import type { ConvertedSlo, FieldNote, ImportedSlo } from './types';

/** spec.service when neither the source nor --service names one: review it. @public */
export const PLACEHOLDER_SERVICE = 'component:default/todo-service';

/**
 * The OpenSLO v1 document of a converted SLO, checked as the catalog checks
 * it (the kind's schema and rules, the metadata's name and labels), or the
 * reasons it would be refused.
 */
export function toSloEntity(
  slo: ConvertedSlo,
  from: string,
  service: string | undefined,
): { imported: ImportedSlo } | { reasons: FieldNote[] } {
  if (!isValidObjectName(slo.name)) {
    return {
      reasons: [
        {
          field: slo.nameField,
          reason: `makes metadata.name "${slo.name.slice(
            0,
            100,
          )}", not a valid catalog name (letters, digits, - _ ., at most 63 characters)`,
        },
      ],
    };
  }
  const placeholders: string[] = [];
  const measured = service ?? slo.spec.service;
  if (!measured) placeholders.push('spec.service');
  const { labels, notes } = catalogLabels(slo.labels, key =>
    at(slo.labelsField, key),
  );
  const assumptions = [...slo.assumed, ...placeholders];
  const entity = {
    apiVersion: OPENSLO_API_VERSION,
    kind: SLO_KIND,
    metadata: {
      name: slo.name,
      ...(slo.displayName ? { displayName: slo.displayName } : {}),
      ...(Object.keys(labels).length ? { labels } : {}),
      annotations: {
        [IMPORTED_FROM_ANNOTATION]: from,
        ...(assumptions.length
          ? { [ANNOTATION_ASSUMPTIONS]: assumptions.join(', ') }
          : {}),
      },
    },
    spec: {
      ...(slo.spec.description ? { description: slo.spec.description } : {}),
      service: measured ?? PLACEHOLDER_SERVICE,
      indicator: {
        ...(isValidObjectName(`${slo.name}-sli`)
          ? { metadata: { name: `${slo.name}-sli` } }
          : {}),
        ...slo.spec.indicator,
      },
      timeWindow: slo.spec.timeWindow,
      budgetingMethod: slo.spec.budgetingMethod,
      objectives: slo.spec.objectives,
    },
  } as SloEntity;
  const result = validateOpsEntity(entity);
  if (!result.valid) {
    return {
      reasons: result.errors.map(e => ({
        field: `(OpenSLO) ${e.path}`,
        reason: `the catalog would refuse the document: ${e.message}`,
      })),
    };
  }
  return {
    imported: {
      entity,
      from,
      notConverted: [...slo.notConverted, ...notes],
      placeholders,
    },
  };
}
