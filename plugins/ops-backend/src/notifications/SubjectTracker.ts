import { SubjectState, TransitionStore } from './TransitionStore';

/** A subject's move that this replica claimed. */
export interface ClaimedMove {
  subject: string;
  /** undefined: the subject had no recorded state. */
  from?: string;
  to: string;
  /** When the subject entered `from`. */
  fromSince?: Date;
}

/**
 * Records the states subjects are observed in and returns the moves this
 * caller won: the same move observed by two replicas (or twice) is returned
 * once, so it is notified once.
 */
export class SubjectTracker {
  constructor(private readonly store: TransitionStore) {}

  /** The recorded states, for callers whose next state depends on them (time down). */
  recorded(subjects: string[]): Promise<Map<string, SubjectState>> {
    return this.store.get(subjects);
  }

  async move(
    observed: Array<{ subject: string; state: string }>,
    now: Date,
    recorded?: Map<string, SubjectState>,
  ): Promise<ClaimedMove[]> {
    const current =
      recorded ?? (await this.store.get(observed.map(o => o.subject)));
    const moves: ClaimedMove[] = [];
    for (const { subject, state } of observed) {
      const before = current.get(subject);
      if (before?.state === state) continue;
      if (await this.store.claim(subject, before?.state, state, now)) {
        moves.push({
          subject,
          from: before?.state,
          to: state,
          fromSince: before?.since,
        });
      }
    }
    return moves;
  }
}
