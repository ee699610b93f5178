import {
  BURN_RATE_WINDOWS,
  burnWindowRatios,
  CompositeSloEntity,
  compositeCounts,
  evaluateSloStatus,
  getCompositeSloComponentRefs,
  SloCounts,
  SloStatus,
  SloStatusWindow,
  BurnRateWindow,
  CompositePart,
} from '@unyo/plugin-ops-common';
import { SloStore } from '../../database/SloStore';
import { SloPolicyChoice } from '../policies';
import { compositeTimeWindow, describeComposite } from './describeComposite';

const sameWindow = (a: SloStatusWindow, b: SloStatusWindow) =>
  a.duration === b.duration &&
  a.calendar === b.calendar &&
  // A rolling window starts where it ends less its duration, in any zone.
  (!a.calendar || (a.timeZone ?? 'UTC') === (b.timeZone ?? 'UTC'));

const describeWindow = (w: SloStatusWindow) =>
  `${w.calendar ? 'calendar' : 'rolling'} ${w.duration}${
    w.calendar && w.timeZone ? ` (${w.timeZone})` : ''
  }`;

/**
 * Evaluates journeys after their components: each component's SLI over the
 * window (its `sli.ratio`) and over each burn-rate window (from its burn
 * rate) is weighted into counts that `evaluateSloStatus` reads as any SLO's.
 * A component must use the journey's window: the SLI of another window is
 * not measured again, the journey is in error naming the mismatch.
 * Components of this round are taken from `round`; others (another replica's
 * shard) from their stored status.
 */
export async function evaluateComposites(options: {
  composites: CompositeSloEntity[];
  round: SloStatus[];
  store: Pick<SloStore, 'getStatuses'>;
  policyOf: (ref: string) => SloPolicyChoice;
  now: Date;
}): Promise<SloStatus[]> {
  const { composites, round, now } = options;
  const statuses = new Map(round.map(s => [s.ref, s]));
  const missing = [
    ...new Set(composites.flatMap(getCompositeSloComponentRefs)),
  ].filter(ref => !statuses.has(ref));
  if (missing.length) {
    for (const [ref, stored] of await options.store.getStatuses(missing)) {
      statuses.set(ref, stored.status);
    }
  }
  return composites.map(composite => {
    const description = describeComposite(composite);
    const failed = (message: string): SloStatus => ({
      ...description,
      state: 'error',
      message,
      evaluatedAt: now.toISOString(),
    });
    const parts: Array<CompositePart & { status: SloStatus }> = [];
    const refs = getCompositeSloComponentRefs(composite);
    for (const [i, ref] of refs.entries()) {
      const field = `spec.components[${i}].slo "${ref}"`;
      const status = statuses.get(ref);
      if (!status) {
        return failed(
          `${field} has no status: not in the catalog, or not evaluated yet`,
        );
      }
      if (status.state === 'error') {
        return failed(`${field} is in error: ${status.message ?? 'unknown'}`);
      }
      if (!sameWindow(status.window, description.window)) {
        return failed(
          `${field} uses a ${describeWindow(
            status.window,
          )} window, the journey a ${describeWindow(
            description.window,
          )} one: components must use the journey's window`,
        );
      }
      const { weight } = composite.spec.components[i];
      parts.push({ weight, ratio: status.sli?.ratio, status });
    }
    const policySet = options.policyOf(description.ref);
    if ('error' in policySet) return failed(policySet.error);

    const burnRatios = parts.map(p => burnWindowRatios(p.status));
    const burnRateCounts: Partial<Record<BurnRateWindow, SloCounts>> = {};
    for (const w of BURN_RATE_WINDOWS) {
      const counts = compositeCounts(
        parts.map((p, i) => ({ weight: p.weight, ratio: burnRatios[i][w] })),
      );
      if (counts) burnRateCounts[w] = counts;
    }
    const { idealRemainingRatio: _ideal, ...evaluation } = evaluateSloStatus({
      target: description.target,
      timeWindow: compositeTimeWindow(composite),
      budgetingMethod: description.budgetingMethod,
      counts: compositeCounts(parts),
      burnRateCounts,
      now,
      thresholds: policySet,
      reportAllowedDowntime: false,
    });
    return {
      ...evaluation,
      policySet,
      ref: description.ref,
      entityRef: description.entityRef,
      title: description.title,
    };
  });
}
