/**
 * How long a scheduled run may be overdue before the target is `late`: a
 * quarter of the interval, at least 5 minutes and at most 2 hours (a dump
 * takes time; an hourly job is late after 15 minutes, a daily one after 2 h).
 *
 * @public
 */
export function backupGraceSeconds(intervalSeconds: number): number {
  return Math.min(Math.max(intervalSeconds / 4, 300), 7200);
}
