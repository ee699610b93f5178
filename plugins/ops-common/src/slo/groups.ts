import { ANNOTATION_GROUP_BY } from '../kinds/constants';
import type { SloGroupStatus } from './types';

/** Prometheus's label-name syntax; `__` names are Prometheus's own. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * The label names of an SLO's `unyo.dev/group-by` annotation; undefined
 * when it is absent or empty. Throws, naming the annotation, on a name that
 * is not a Prometheus label name or is given twice.
 *
 * @public
 */
export function parseGroupBy(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const labels = value.split(',').map(label => label.trim());
  for (const label of labels) {
    if (!LABEL_NAME.test(label) || label.startsWith('__')) {
      throw new Error(
        `${ANNOTATION_GROUP_BY}: ${JSON.stringify(
          label,
        )} is not a Prometheus label name`,
      );
    }
  }
  if (new Set(labels).size !== labels.length) {
    throw new Error(`${ANNOTATION_GROUP_BY}: a label is named twice`);
  }
  return labels;
}

/** A group's labels as `name=value, …`, in the annotation's order. @public */
export function groupLabelsText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}

/**
 * Orders groups worst first: least budget left, then those without a budget
 * (no data); ties by labels, so the order is stable between rounds.
 *
 * @public
 */
export function compareGroupsWorstFirst(
  a: SloGroupStatus,
  b: SloGroupStatus,
): number {
  const left = (g: SloGroupStatus) =>
    g.errorBudget?.remainingRatio ?? Number.POSITIVE_INFINITY;
  const byBudget = left(a) - left(b);
  if (byBudget !== 0 && !Number.isNaN(byBudget)) return byBudget;
  return groupLabelsText(a.labels).localeCompare(groupLabelsText(b.labels));
}
