import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CreateSilenceRequest, anchoredRegex } from '@unyo/plugin-ops-common';
import { specBody } from '../lib/specBody';
import { AlertDelivery } from './AlertHistoryStore';

// Both bodies are described, limits and words included, by
// src/schema/openapi.yaml (CreateSilenceRequest, AlertmanagerWebhook).
const silenceBody = specBody('/silences', 'post');
const webhookBody = specBody('/alerts/webhook', 'post');

/** A `POST /silences` body, or a 400 naming the first bad field. */
export function parseCreateSilence(body: unknown): CreateSilenceRequest {
  const value = silenceBody(body);
  // Whether a value must compile as a regex depends on `isRegex`, which
  // OpenAPI cannot say.
  value.matchers.forEach((m, i) => {
    if (!m.isRegex) return;
    try {
      anchoredRegex(m.value);
    } catch {
      throw new InputError(`matchers.${i}.value is not a valid regex`);
    }
  });
  return {
    entityRef: stringifyEntityRef(parseEntityRef(value.entityRef)),
    matchers: value.matchers.map(m => ({ ...m })),
    durationMinutes: value.durationMinutes,
    comment: value.comment.trim(),
  };
}

/** Alertmanager's webhook payload (version 4), reduced to what is stored. */
export function parseWebhook(body: unknown): AlertDelivery[] {
  return webhookBody(body).alerts.map(a => {
    const endsAt = a.endsAt ? new Date(a.endsAt) : undefined;
    return {
      fingerprint: a.fingerprint,
      status: a.status,
      labels: { ...a.labels },
      startsAt: new Date(a.startsAt),
      // Go's zero time means "not ended".
      endsAt:
        endsAt && !Number.isNaN(endsAt.getTime()) && endsAt.getUTCFullYear() > 1
          ? endsAt
          : undefined,
    };
  });
}
