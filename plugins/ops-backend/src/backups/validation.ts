import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { specBody } from '../lib/specBody';
import { BackupReportInput } from './BackupStore';

/** A report may come from a job whose clock runs a little ahead. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

// Fields, limits and words: BackupReport in src/schema/openapi.yaml.
const reportBody = specBody('/backups/reports', 'post');

/** A `POST /backups/reports` body, or a 400 naming the first bad field. */
export function parseBackupReport(
  body: unknown,
  now: Date = new Date(),
): BackupReportInput {
  const value = reportBody(body);
  // Comparing two fields, and with the clock, is beyond OpenAPI.
  const startedAt = new Date(value.startedAt);
  const finishedAt = new Date(value.finishedAt);
  if (finishedAt < startedAt) {
    throw new InputError('finishedAt must not be before startedAt');
  }
  if (finishedAt.getTime() > now.getTime() + FUTURE_SKEW_MS) {
    throw new InputError('finishedAt must not be in the future');
  }
  return {
    policyRef: stringifyEntityRef(
      parseEntityRef(value.policyRef, { defaultKind: 'backuppolicy' }),
    ),
    target: value.target,
    status: value.status,
    startedAt,
    finishedAt,
    ...(value.sizeBytes !== undefined ? { sizeBytes: value.sizeBytes } : {}),
    ...(value.location !== undefined ? { location: value.location } : {}),
    ...(value.message !== undefined ? { message: value.message } : {}),
  };
}
