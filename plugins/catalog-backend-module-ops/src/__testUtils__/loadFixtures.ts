import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';

export const fixturePath = (file: string) =>
  path.join(__dirname, 'fixtures', file);

/** The documents of a fixture file, as the catalog reads them. */
export function loadFixture(file: string): Entity[] {
  return parseAllDocuments(fs.readFileSync(fixturePath(file), 'utf8')).map(
    doc => doc.toJS() as Entity,
  );
}

/** The names of the invalid documents, with the field each error must name. */
export const invalidDocuments = [
  { ref: 'slo:default/slo-without-service', field: 'spec.service is required' },
  {
    ref: 'slo:default/slo-unknown-budgeting',
    field:
      'spec.budgetingMethod must be one of Occurrences, Timeslices, RatioTimeslices',
  },
  {
    ref: 'sli:default/sli-without-good-or-bad',
    field: 'spec.ratioMetric must have good or bad',
  },
  {
    ref: 'runbook:default/runbook-action-without-id',
    field: 'spec.actions[0].id is required',
  },
  {
    ref: 'runbook:default/runbook-unknown-action',
    field: 'spec.steps[1].action "restart" names no action in spec.actions',
  },
  {
    ref: 'backuppolicy:default/backup-rpo-not-a-duration',
    field: 'spec.rpo must be a duration',
  },
];
