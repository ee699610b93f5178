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

export const DEFAULT_RUNBOOK_RATE_LIMIT = {
  maxExecutions: 10,
  window: { minutes: 1 },
} as const;

const AT = 'ops.runbooks.rateLimit';

/** Reads `ops.runbooks.rateLimit`: on by default, off with `enabled: false`. */
export function readRunbookRateLimit(
  config: Config | undefined,
): RunbookRateLimit | undefined {
  if (config?.getOptionalBoolean('enabled') === false) return undefined;
  const maxExecutions =
    config?.getOptionalNumber('maxExecutions') ??
    DEFAULT_RUNBOOK_RATE_LIMIT.maxExecutions;
  if (!Number.isInteger(maxExecutions) || maxExecutions < 1) {
    throw new InputError(
      `${AT}.maxExecutions must be a whole number of 1 or more (enabled: false turns the limit off)`,
    );
  }
  const window: HumanDuration = config?.has('window')
    ? readDurationFromConfig(config, { key: 'window' })
    : DEFAULT_RUNBOOK_RATE_LIMIT.window;
  const windowMs = durationToMilliseconds(window);
  if (!(windowMs >= 1000)) {
    throw new InputError(`${AT}.window must be at least 1 second`);
  }
  return { maxExecutions, window, windowMs };
}
