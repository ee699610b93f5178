import { InputError } from '@backstage/errors';
import { Request } from 'express';
import { specBody } from '../lib/specBody';
import { optionalString } from '../lib/params';
import { CreateChange } from './types';

/** CI clocks drift; a change further ahead than this is a mistake. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const DEFAULT_RANGE_MS = 30 * 86_400_000;

const createChangeBody = specBody('/changes', 'post');

/**
 * `POST /changes`: the spec checks the fields (src/schema/openapi.yaml); here
 * what it cannot state: a URL that parses, a time not in the future.
 */
export function parseCreateChange(body: unknown, now: Date): CreateChange {
  const input = createChangeBody(body);
  if (input.url !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(input.url);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new InputError(
        'url must be an http(s) URL such as https://github.com/org/repo/actions/runs/1',
      );
    }
  }
  const at = new Date(input.at);
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new InputError('at must not be in the future');
  }
  return {
    entityRef: input.entityRef,
    at,
    kind: input.kind,
    title: input.title.trim(),
    ...(input.url ? { url: input.url } : {}),
  };
}

/** `from` and `to` of `GET /changes` (their format checked from the spec). */
export function parseChangeRange(
  req: Request,
  now: Date,
): { from: Date; to: Date } {
  const toText = optionalString(req, 'to');
  const fromText = optionalString(req, 'from');
  const to = toText ? new Date(toText) : now;
  const from = fromText
    ? new Date(fromText)
    : new Date(to.getTime() - DEFAULT_RANGE_MS);
  if (from.getTime() > to.getTime()) {
    throw new InputError('Query parameter from must not be after to');
  }
  return { from, to };
}
