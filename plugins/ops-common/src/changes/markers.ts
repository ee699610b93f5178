import type { ChangeMarker } from './types';

/** The changes whose instant lies in [from, to] (epoch ms), oldest first. @public */
export function changesBetween(
  changes: readonly ChangeMarker[],
  from: number,
  to: number,
): ChangeMarker[] {
  return changes
    .map(change => ({ change, time: Date.parse(change.at) }))
    .filter(({ time }) => time >= from && time <= to)
    .sort((a, b) => a.time - b.time)
    .map(({ change }) => change);
}
