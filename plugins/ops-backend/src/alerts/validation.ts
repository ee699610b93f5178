import { InputError } from '@backstage/errors';
import {
  CreateSilenceRequest,
  SILENCE_DURATION_MINUTES,
  anchoredRegex,
} from '@unyo/plugin-ops-common';
import { z } from 'zod';
import { entityRefField as entityRef } from '../lib/params';
import { parseInput } from '../lib/parseInput';
import { AlertDelivery } from './AlertHistoryStore';

const matcher = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a label name'),
    value: z.string().max(1024),
    isRegex: z.boolean(),
    isEqual: z.boolean().optional(),
  })
  .refine(
    m => {
      if (!m.isRegex) return true;
      try {
        anchoredRegex(m.value);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not a valid regex', path: ['value'] },
  );

const createSilence = z.object({
  entityRef,
  matchers: z.array(matcher).min(1, 'needs at least one matcher').max(20),
  durationMinutes: z
    .number({ error: 'must be a number of minutes' })
    .int('must be a whole number of minutes')
    .min(
      SILENCE_DURATION_MINUTES.min,
      `must be at least ${SILENCE_DURATION_MINUTES.min} minutes`,
    )
    .max(
      SILENCE_DURATION_MINUTES.max,
      `must be at most ${SILENCE_DURATION_MINUTES.max} minutes (7 days)`,
    ),
  comment: z
    .string({ error: 'is required: say why the alerts are silenced' })
    .trim()
    .min(1, 'is required: say why the alerts are silenced')
    .max(2000),
});

export function parseCreateSilence(body: unknown): CreateSilenceRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The request body must be a JSON object');
  }
  return parseInput(createSilence, body);
}

const webhook = z.object({
  version: z.string().optional(),
  alerts: z
    .array(
      z.object({
        status: z.enum(['firing', 'resolved']),
        labels: z
          .record(
            z.string().max(256, 'must be at most 256 characters'),
            z.string().max(4096, 'must be at most 4096 characters'),
          )
          .refine(
            l => Object.keys(l).length <= 256,
            'must have at most 256 labels',
          ),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.string().optional(),
        fingerprint: z.string().min(1).max(64),
      }),
    )
    .max(10_000),
});

/** Alertmanager's webhook payload (version 4), reduced to what is stored. */
export function parseWebhook(body: unknown): AlertDelivery[] {
  const payload = parseInput(webhook, body);
  return payload.alerts.map(a => {
    const endsAt = a.endsAt ? new Date(a.endsAt) : undefined;
    return {
      fingerprint: a.fingerprint,
      status: a.status,
      labels: a.labels,
      startsAt: new Date(a.startsAt),
      // Go's zero time means "not ended".
      endsAt:
        endsAt && !Number.isNaN(endsAt.getTime()) && endsAt.getUTCFullYear() > 1
          ? endsAt
          : undefined,
    };
  });
}
