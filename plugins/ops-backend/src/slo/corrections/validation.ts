import { InputError } from '@backstage/errors';
import { SloCorrectionCategory } from '@unyo/plugin-ops-common';
import { specBody } from '../../lib/specBody';

/** Longer than the longest stored history: it could not be measured. */
export const MAX_CORRECTION_DAYS = 400;

/** What `POST /slos/{namespace}/{name}/corrections` asks for, validated. */
export interface CreateSloCorrection {
  start: Date;
  end: Date;
  category: SloCorrectionCategory;
  reason: string;
}

const createCorrectionBody = specBody(
  '/slos/{namespace}/{name}/corrections',
  'post',
);

/**
 * The spec checks the fields (src/schema/openapi.yaml); what it cannot state
 * is checked here: `end` after `start`, at most 400 days apart.
 */
export function parseCreateSloCorrection(body: unknown): CreateSloCorrection {
  const input = createCorrectionBody(body);
  const start = new Date(input.start);
  const end = new Date(input.end);
  if (end.getTime() <= start.getTime()) {
    throw new InputError('end must be after start');
  }
  if (end.getTime() - start.getTime() > MAX_CORRECTION_DAYS * 86_400_000) {
    throw new InputError(
      `end must be at most ${MAX_CORRECTION_DAYS} days after start`,
    );
  }
  return { start, end, category: input.category, reason: input.reason.trim() };
}
