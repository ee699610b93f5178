/** @public */
export interface ResolvedIncident {
  /** ISO time or Date. */
  startedAt: string | Date;
  /** Unresolved incidents (no resolvedAt) do not count towards MTTR. */
  resolvedAt?: string | Date | null;
}

function toMillis(time: string | Date): number {
  const millis = time instanceof Date ? time.getTime() : Date.parse(time);
  if (Number.isNaN(millis)) {
    throw new Error(`"${String(time)}" is not a time`);
  }
  return millis;
}

/**
 * Mean time to resolve, in minutes, over the resolved incidents; null (n/a)
 * when there are none. MTTR is compared with its threshold, it has no error
 * budget.
 *
 * @public
 */
export function mttrMinutes(
  incidents: readonly ResolvedIncident[],
): number | null {
  const durations = incidents
    .filter(incident => incident.resolvedAt)
    .map(
      incident =>
        (toMillis(incident.resolvedAt!) - toMillis(incident.startedAt)) /
        60_000,
    );
  if (durations.length === 0) {
    return null;
  }
  return durations.reduce((sum, d) => sum + d, 0) / durations.length;
}
