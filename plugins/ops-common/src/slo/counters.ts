/**
 * The increase of a counter over raw samples, treating any drop as a restart
 * from 0 (as Prometheus does) but without extrapolating to the window's
 * edges: `[100, 200, 300, 50, 150]` → 100 + 100 + 50 + 100 = 350, where
 * last − first gives 50.
 * Non-finite samples (gaps) are skipped.
 *
 * @public
 */
export function resetAdjustedIncrease(samples: readonly number[]): number {
  let increase = 0;
  let previous: number | undefined;
  for (const sample of samples) {
    if (!Number.isFinite(sample)) continue;
    if (previous !== undefined) {
      increase += sample >= previous ? sample - previous : sample;
    }
    previous = sample;
  }
  return increase;
}
