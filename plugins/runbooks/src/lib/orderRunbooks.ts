import type { RunbookSummary } from '@unyo/plugin-ops-common';

/**
 * The runbooks of an entity in the order the card lists them: those that
 * answer a firing alert first (most firing alerts first), then the backend's
 * order, then runbooks only the catalog relations know of.
 */
export function orderRunbooks(
  relationRefs: string[],
  summaries: RunbookSummary[],
): Array<{ ref: string; summary?: RunbookSummary }> {
  const ranked = summaries
    .map((summary, index) => ({ summary, index }))
    .sort(
      (a, b) =>
        (b.summary.firingAlerts?.length ?? 0) -
          (a.summary.firingAlerts?.length ?? 0) || a.index - b.index,
    )
    .map(({ summary }) => ({ ref: summary.ref, summary }));
  const known = new Set(ranked.map(r => r.ref));
  return [
    ...ranked,
    ...relationRefs.filter(ref => !known.has(ref)).map(ref => ({ ref })),
  ];
}
