/**
 * Minutes of downtime the target allows over a window of `windowMinutes`:
 * `(1 − target) · minutes`, computed on the ppm scale so 99.9 % of 30 days is
 * exactly 43.2.
 *
 * @public
 */
export function allowedDowntimeMinutes(
  targetPpm: number,
  windowMinutes: number,
): number {
  return ((1_000_000 - targetPpm) * windowMinutes) / 1_000_000;
}
