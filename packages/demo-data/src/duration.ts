const UNITS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Parses durations such as `15s`, `5m`, `6h`, `30d` (or a bare number of days with `defaultUnit`). */
export function parseDuration(text: string, defaultUnit = 's'): number {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * UNITS[match[2] || defaultUnit];
}
