/** OpenSLO duration units: minute, hour, day, week, month, quarter, year. @public */
export type OpenSloDurationUnit = 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';

/** @public */
export interface ParsedOpenSloDuration {
  amount: number;
  unit: OpenSloDurationUnit;
  /** Exact length for m/h/d/w; undefined for M/Q/Y, whose length varies. */
  seconds?: number;
}

const FIXED_UNIT_SECONDS: Partial<Record<OpenSloDurationUnit, number>> = {
  m: 60,
  h: 3600,
  d: 86400,
  w: 7 * 86400,
};

/** The luxon duration key of each unit, for calendar arithmetic. */
export const LUXON_UNIT = {
  m: 'minutes',
  h: 'hours',
  d: 'days',
  w: 'weeks',
  M: 'months',
  Q: 'quarters',
  Y: 'years',
} as const;

/**
 * Parses an OpenSLO duration shorthand such as `30d`, `4w`, `1M`, `1Q`.
 * Note that `30d` is a fixed length while `1M` is a calendar month.
 *
 * @public
 */
export function parseOpenSloDuration(duration: string): ParsedOpenSloDuration {
  const match = /^([1-9][0-9]*)(m|h|d|w|M|Q|Y)$/.exec(duration.trim());
  if (!match) {
    throw new Error(
      `"${duration}" is not an OpenSLO duration (a number and one of m h d w M Q Y)`,
    );
  }
  const amount = Number(match[1]);
  const unit = match[2] as OpenSloDurationUnit;
  const unitSeconds = FIXED_UNIT_SECONDS[unit];
  return {
    amount,
    unit,
    seconds: unitSeconds === undefined ? undefined : amount * unitSeconds,
  };
}
