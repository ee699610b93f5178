import { InputError } from '@backstage/errors';
import express, { NextFunction, Request, Response } from 'express';
import { spec } from '../schema/openapi';
import { checkJsonText, checkValue, InputLimits } from './jsonLimits';

/**
 * The limits every `/api/ops` request is held to before any route sees it
 * (docs/input-limits.md). The Alertmanager webhook carries many alerts in
 * one delivery, hence its larger body and arrays.
 */
export const INPUT_LIMITS: InputLimits = {
  maxBodyBytes: 1024 * 1024,
  maxDepth: 32,
  maxStringLength: 4096,
  maxKeyLength: 256,
  maxArrayLength: 1000,
  maxObjectKeys: 1000,
};
export const WEBHOOK_LIMITS: InputLimits = {
  ...INPUT_LIMITS,
  maxBodyBytes: 10 * 1024 * 1024,
  maxStringLength: 16 * 1024,
  maxArrayLength: 10_000,
};
/** A draft SLO document is one string, larger than the usual value. */
export const SLO_PREVIEW_LIMITS: InputLimits = {
  ...INPUT_LIMITS,
  maxBodyBytes: 128 * 1024,
  maxStringLength: 64 * 1024,
};
/** Path segments and query values: ids, refs and names. */
export const MAX_PARAMETER_LENGTH = 1024;

const WEBHOOK_PATH = '/alerts/webhook';
const SLO_PREVIEW_PATH = '/slos/preview';
const JSON_TYPES = ['application/json', 'application/*+json'];

/** The spec's paths as segments, to name the path parameter at fault. */
const TEMPLATES = Object.keys(spec.paths).map(p => p.split('/'));

function pathFieldName(segments: string[], index: number): string {
  const template = TEMPLATES.find(
    t =>
      t.length === segments.length &&
      t.every((s, i) => s.startsWith('{') || s === segments[i]),
  );
  const name = template?.[index];
  return name?.startsWith('{')
    ? `Path parameter ${name.slice(1, -1)}`
    : `Path segment ${index}`;
}

function checkPath(req: Request) {
  const segments = req.path.split('/');
  segments.forEach((raw, index) => {
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      throw new InputError(
        `${pathFieldName(segments, index)} is not valid percent-encoding`,
      );
    }
    checkValue(value, pathFieldName(segments, index), {
      ...INPUT_LIMITS,
      maxStringLength: MAX_PARAMETER_LENGTH,
    });
  });
}

function checkQuery(req: Request) {
  for (const [key, value] of Object.entries(req.query)) {
    checkValue(key, 'A query parameter name', {
      ...INPUT_LIMITS,
      maxStringLength: 64,
    });
    const field = `Query parameter ${key}`;
    if (typeof value !== 'string') {
      throw new InputError(`${field} must be given once, as a plain value`);
    }
    checkValue(value, field, {
      ...INPUT_LIMITS,
      maxStringLength: MAX_PARAMETER_LENGTH,
    });
  }
}

class PayloadTooLargeError extends Error {
  readonly statusCode = 413;
  constructor(limit: number) {
    super(`body must be at most ${limit} bytes`);
    this.name = 'PayloadTooLargeError';
  }
}

/**
 * Reads a JSON body as bytes within the size limit, refuses invalid UTF-8
 * and nesting deeper than the limit (a linear scan, before any parsing or
 * recursion), parses it and checks every string, key, array and number.
 * Routes' own `express.json()` then find the body read.
 */
function jsonBody(limits: InputLimits) {
  const raw = express.raw({ type: JSON_TYPES, limit: limits.maxBodyBytes });
  return (req: Request, res: Response, next: NextFunction) => {
    raw(req, res, error => {
      if (error) {
        next(
          error.type === 'entity.too.large'
            ? new PayloadTooLargeError(limits.maxBodyBytes)
            : new InputError(`body could not be read: ${error.message}`),
        );
        return;
      }
      try {
        if (Buffer.isBuffer(req.body)) {
          req.body = parseJsonBody(req.body, limits);
        }
        next();
      } catch (e) {
        next(e);
      }
    });
  };
}

function parseJsonBody(bytes: Buffer, limits: InputLimits): unknown {
  if (bytes.length === 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('body is not valid UTF-8');
  }
  checkJsonText(text, limits.maxDepth);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(`body is not valid JSON: ${(e as Error).message}`);
  }
  checkValue(value, 'body', limits);
  return value;
}

/**
 * The shared input hygiene of every `/api/ops` route: path segments, query
 * parameters and JSON bodies checked against the limits above, each
 * refusal a 400 (413 for a body too large) naming the field.
 */
export function inputHygiene(): express.RequestHandler {
  const bodies = {
    webhook: jsonBody(WEBHOOK_LIMITS),
    preview: jsonBody(SLO_PREVIEW_LIMITS),
    other: jsonBody(INPUT_LIMITS),
  };
  return (req, res, next) => {
    checkPath(req);
    checkQuery(req);
    let body = bodies.other;
    if (req.path === WEBHOOK_PATH) body = bodies.webhook;
    else if (req.path === SLO_PREVIEW_PATH) body = bodies.preview;
    body(req, res, next);
  };
}
