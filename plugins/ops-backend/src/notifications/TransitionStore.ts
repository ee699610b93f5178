/** A subject's recorded state and since when it has been in it. */
export interface SubjectState {
  state: string;
  since: Date;
}

/**
 * The last state of each notification subject, shared by all replicas: a
 * transition is claimed once, so it is notified once.
 */
export interface TransitionStore {
  /** The recorded states of the subjects that have one. */
  get(subjects: string[]): Promise<Map<string, SubjectState>>;
  /**
   * Moves a subject from `from` (undefined: nothing recorded) to `to`.
   * true for exactly one caller of all that try the same move; false when
   * the subject was no longer in `from`.
   */
  claim(
    subject: string,
    from: string | undefined,
    to: string,
    now: Date,
  ): Promise<boolean>;
}
