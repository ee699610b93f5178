import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parseInput } from '../lib/parseInput';
import { BackupReportInput } from './BackupStore';

// Entity names as the catalog allows them (as in lib/params.ts).
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;
/** A report may come from a job whose clock runs a little ahead. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

const policyRef = z
  .string({
    error: 'must be a BackupPolicy ref such as backuppolicy:default/db-backups',
  })
  .refine(
    v => {
      try {
        const ref = parseEntityRef(v, { defaultKind: 'backuppolicy' });
        return (
          ref.kind.toLocaleLowerCase('en-US') === 'backuppolicy' &&
          NAME.test(ref.name) &&
          NAME.test(ref.namespace)
        );
      } catch {
        return false;
      }
    },
    {
      message:
        'must be a BackupPolicy ref such as backuppolicy:default/db-backups',
    },
  )
  .transform(v =>
    stringifyEntityRef(parseEntityRef(v, { defaultKind: 'backuppolicy' })),
  );

const timestamp = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time such as 2026-11-23T02:00:00Z',
});

const report = z
  .object({
    policyRef,
    target: z
      .string({ error: 'must be the name of a target of the policy' })
      .regex(
        /^[a-z0-9][a-z0-9-]{0,254}$/,
        'must be the name of a target of the policy',
      ),
    status: z.enum(['succeeded', 'failed'], {
      error: 'must be "succeeded" or "failed"',
    }),
    startedAt: timestamp,
    finishedAt: timestamp,
    sizeBytes: z
      .number({ error: 'must be a number of bytes' })
      .int('must be a whole number of bytes')
      .nonnegative('must not be negative')
      .optional(),
    location: z.string().max(2048).optional(),
    message: z.string().max(4000).optional(),
  })
  .strict();

/** A `POST /backups/reports` body, or a 400 naming the first bad field. */
export function parseBackupReport(
  body: unknown,
  now: Date = new Date(),
): BackupReportInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The request body must be a JSON object');
  }
  const value = parseInput(report, body, {
    unknownKeys: keys => `${keys.join(', ')} is not a field of a backup report`,
  });
  const startedAt = new Date(value.startedAt);
  const finishedAt = new Date(value.finishedAt);
  if (finishedAt < startedAt) {
    throw new InputError('finishedAt must not be before startedAt');
  }
  if (finishedAt.getTime() > now.getTime() + FUTURE_SKEW_MS) {
    throw new InputError('finishedAt must not be in the future');
  }
  return {
    policyRef: value.policyRef,
    target: value.target,
    status: value.status,
    startedAt,
    finishedAt,
    ...(value.sizeBytes !== undefined ? { sizeBytes: value.sizeBytes } : {}),
    ...(value.location !== undefined ? { location: value.location } : {}),
    ...(value.message !== undefined ? { message: value.message } : {}),
  };
}
