import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** `ops.runbooks.rateLimit`, validated; `undefined` when disabled. */
export interface RunbookRateLimit {
  /** Executions one user may start of one runbook action per window. */
  maxExecutions: number;
  window: HumanDuration;
  windowMs: number;
}

/** `ops.slo.preview.rateLimit`, validated; `undefined` when disabled. */
export interface SloPreviewRateLimit {
  /** Previews one user may ask for per window. */
  maxPreviews: number;
  window: HumanDuration;
  windowMs: number;
}

export const DEFAULT_RUNBOOK_RATE_LIMIT = {
  maxExecutions: 10,
  window: { minutes: 1 },
} as const;

export const DEFAULT_SLO_PREVIEW_RATE_LIMIT = {
  maxPreviews: 10,
  window: { minutes: 1 },
} as const;

/**
 * Reads a rate limit section (`enabled`, the count key, `window`): on by
 * default, off with `enabled: false`.
 */
function readRateLimit(
  config: Config | undefined,
  at: string,
  countKey: string,
  defaults: { count: number; window: HumanDuration },
): { count: number; window: HumanDuration; windowMs: number } | undefined {
  if (config?.getOptionalBoolean('enabled') === false) return undefined;
  const count = config?.getOptionalNumber(countKey) ?? defaults.count;
  if (!Number.isInteger(count) || count < 1) {
    throw new InputError(
      `${at}.${countKey} must be a whole number of 1 or more (enabled: false turns the limit off)`,
    );
  }
  const window: HumanDuration = config?.has('window')
    ? readDurationFromConfig(config, { key: 'window' })
    : defaults.window;
  const windowMs = durationToMilliseconds(window);
  if (!(windowMs >= 1000)) {
    throw new InputError(`${at}.window must be at least 1 second`);
  }
  return { count, window, windowMs };
}

/** Reads `ops.runbooks.rateLimit`: on by default, off with `enabled: false`. */
export function readRunbookRateLimit(
  config: Config | undefined,
): RunbookRateLimit | undefined {
  const limit = readRateLimit(
    config,
    'ops.runbooks.rateLimit',
    'maxExecutions',
    {
      count: DEFAULT_RUNBOOK_RATE_LIMIT.maxExecutions,
      window: DEFAULT_RUNBOOK_RATE_LIMIT.window,
    },
  );
  return limit && { maxExecutions: limit.count, ...windowOf(limit) };
}

/** Reads `ops.slo.preview.rateLimit`: on by default, off with `enabled: false`. */
export function readSloPreviewRateLimit(
  config: Config | undefined,
): SloPreviewRateLimit | undefined {
  const limit = readRateLimit(
    config,
    'ops.slo.preview.rateLimit',
    'maxPreviews',
    {
      count: DEFAULT_SLO_PREVIEW_RATE_LIMIT.maxPreviews,
      window: DEFAULT_SLO_PREVIEW_RATE_LIMIT.window,
    },
  );
  return limit && { maxPreviews: limit.count, ...windowOf(limit) };
}

function windowOf(limit: { window: HumanDuration; windowMs: number }) {
  return { window: limit.window, windowMs: limit.windowMs };
}
