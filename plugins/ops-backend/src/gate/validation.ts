import { InputError } from '@backstage/errors';
import { parseOpenSloDuration } from '@unyo/plugin-ops-common';
import { z } from 'zod';
import { entityRefField as entityRef } from '../lib/params';
import { parseInput } from '../lib/parseInput';
import { CreateGateOverride } from './types';

/** As silences: an override longer than a week is a policy change, not an override. */
export const MAX_GATE_OVERRIDE_SECONDS = 7 * 86400;

const createOverride = z
  .object({
    entityRef,
    reason: z
      .string({ error: 'is required: say why deploys may go ahead' })
      .trim()
      .min(1, 'is required: say why deploys may go ahead')
      .max(2000, 'must be at most 2000 characters'),
    expiresAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 instant' })
      .optional(),
    duration: z
      .string({ error: 'must be a duration such as 30m, 2h or 1d' })
      .regex(
        /^[1-9][0-9]{0,5}[mhdw]$/,
        'must be a duration such as 30m, 2h or 1d',
      )
      .optional(),
  })
  .strict();

/** `POST /gate/overrides`: exactly one of expiresAt and duration, in the future, at most a week. */
export function parseCreateGateOverride(
  body: unknown,
  now: Date,
): CreateGateOverride {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The request body must be a JSON object');
  }
  const input = parseInput(createOverride, body, {
    unknownKeys: keys => `Unknown field ${keys.join(', ')}`,
  });
  if (!input.expiresAt === !input.duration) {
    throw new InputError('Give either expiresAt or duration (not both)');
  }
  const expiresAt = input.duration
    ? new Date(
        now.getTime() + parseOpenSloDuration(input.duration).seconds! * 1000,
      )
    : new Date(input.expiresAt!);
  const field = input.duration ? 'duration' : 'expiresAt';
  if (expiresAt.getTime() <= now.getTime()) {
    throw new InputError(`${field} must be in the future`);
  }
  if (expiresAt.getTime() - now.getTime() > MAX_GATE_OVERRIDE_SECONDS * 1000) {
    throw new InputError(`${field} must be at most 7 days away`);
  }
  return { entityRef: input.entityRef, reason: input.reason, expiresAt };
}
