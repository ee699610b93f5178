/** Which digest: to owning groups each week, to manager groups each month. */
export type DigestKind = 'weekly' | 'monthly';

/** The time a digest covers: [start, end), UTC. */
export interface DigestPeriod {
  kind: DigestKind;
  /** The first day, `YYYY-MM-DD`: names the period in texts and claims. */
  key: string;
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

/**
 * The last whole period before `now`: the week from Monday 00:00 UTC, or the
 * calendar month. A run on Monday (or on the 1st) covers what just ended,
 * and a late or repeated run in the same week (month) covers the same one.
 */
export function digestPeriod(kind: DigestKind, now: Date): DigestPeriod {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  let start: number;
  let end: number;
  if (kind === 'weekly') {
    // getUTCDay: Sunday 0; days since Monday.
    end = today - ((now.getUTCDay() + 6) % 7) * DAY_MS;
    start = end - 7 * DAY_MS;
  } else {
    end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  }
  return {
    kind,
    key: new Date(start).toISOString().slice(0, 10),
    start: new Date(start),
    end: new Date(end),
  };
}
