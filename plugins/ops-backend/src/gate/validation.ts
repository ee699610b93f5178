import { InputError } from '@backstage/errors';
import { parseOpenSloDuration } from '@unyo/plugin-ops-common';
import { specBody } from '../lib/specBody';
import { CreateGateOverride } from './types';

/** As silences: an override longer than a week is a policy change, not an override. */
export const MAX_GATE_OVERRIDE_SECONDS = 7 * 86400;

const createOverrideBody = specBody('/gate/overrides', 'post');

/**
 * `POST /gate/overrides`: the spec checks the fields (src/schema/openapi.yaml);
 * what it cannot state is checked here: exactly one of expiresAt and duration,
 * in the future, at most a week away.
 */
export function parseCreateGateOverride(
  body: unknown,
  now: Date,
): CreateGateOverride {
  const input = createOverrideBody(body);
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
  return {
    entityRef: input.entityRef,
    reason: input.reason.trim(),
    expiresAt,
  };
}
