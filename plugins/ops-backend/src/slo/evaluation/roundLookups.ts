import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CompositeSloEntity,
  correctionIntervals,
  SloEntity,
  TimeInterval,
} from '@unyo/plugin-ops-common';
import { SloStore } from '../../database/SloStore';
import {
  DatabaseSloCorrectionStore,
  PendingCorrection,
} from '../corrections/DatabaseSloCorrectionStore';
import { MAX_CORRECTION_DAYS } from '../corrections/validation';
import { SloPolicyChoice, SloPolicyLookup } from '../policies';
import { loadMaintenanceRules } from './catalogSlos';
import { SloPlan } from './planSlo';
import { DAY_MS } from './windowSegments';

/** The corrections of a round's SLOs (`loadCorrections`). */
export interface RoundCorrections {
  /** SLO ref → its corrections' spans. */
  intervals: Map<string, TimeInterval[]>;
  /** Corrections whose stored days are still to be recomputed. */
  pending: PendingCorrection[];
}

/**
 * What evaluating plans needs only once their counts are measured: read
 * from the catalog and the database while the round's queries run, so that
 * these reads do not hold back the first query.
 */
export interface RoundLookups {
  /** Each SLO's error-budget policy, by SLO ref. */
  policyOf: (ref: string) => SloPolicyChoice;
  /** Maintenance rules by measured entity ref (`loadMaintenanceRules`). */
  maintenance: Map<string, string[]>;
  /**
   * A round's error-budget corrections: excluded as maintenance is, and the
   * stored days of pending ones recomputed into `recompute.store`; the SLO
   * refs settled are added to `settled`.
   */
  corrections?: RoundCorrections & {
    recompute?: {
      store: Pick<SloStore, 'setDailyExclusions'>;
      settled: string[];
    };
  };
}

/**
 * The corrections of the planned SLOs as intervals, and those whose stored
 * days are to be recomputed (`recomputeCorrectedDays`).
 */
export async function loadCorrections(
  store: Pick<DatabaseSloCorrectionStore, 'overlapping' | 'pending'>,
  plans: SloPlan[],
  now: Date,
): Promise<RoundCorrections & { readAt: Date }> {
  const refs = plans.map(p => p.description.ref);
  // Before reading: a correction deleted later stays pending (settle).
  const readAt = new Date();
  const pending = await store.pending(refs);
  const from = new Date(now.getTime() - MAX_CORRECTION_DAYS * DAY_MS);
  const intervals = new Map<string, TimeInterval[]>();
  for (const [ref, list] of await store.overlapping(refs, from, now)) {
    intervals.set(ref, correctionIntervals(list));
  }
  return { pending, intervals, readAt };
}

/**
 * Work started at its first call and shared by later ones. Its promise is
 * marked handled at once: it may settle before anyone awaits it, and a
 * failure still fails whoever awaits it.
 */
export function startedOnce<T>(work: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    if (!promise) {
      promise = work();
      promise.catch(() => {});
    }
    return promise;
  };
}

/** Reads a round's lookups from the catalog and the database. */
export function startLookups(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  policies: SloPolicyLookup;
  subjects: Array<SloEntity | CompositeSloEntity>;
  plans: SloPlan[];
  corrections?: () => Promise<RoundLookups['corrections']>;
}): Promise<RoundLookups> {
  const { catalog, credentials, plans } = options;
  return Promise.all([
    options.policies.forSlos(options.subjects, credentials),
    loadMaintenanceRules(catalog, plans, credentials),
    options.corrections?.(),
  ]).then(([policyOf, maintenance, corrections]) => ({
    policyOf,
    maintenance,
    corrections,
  }));
}
