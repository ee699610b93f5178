import { SloStatus } from '@unyo/plugin-ops-common';
import { SloStore } from '../../database/SloStore';

/** Burn-down points kept: one per SLO every 10 minutes. */
export const HISTORY_SLOT_SECONDS = 600;

/**
 * Persists the statuses of one round: each one replaces the SLO's stored
 * status, and one that is not in error also becomes a burn-down point.
 */
export class StatusRecorder {
  errors = 0;
  /** The statuses of the round, in the order saved. */
  readonly saved: SloStatus[] = [];

  constructor(
    private readonly store: Pick<SloStore, 'saveStatus' | 'addHistoryPoint'>,
  ) {}

  async save(status: SloStatus): Promise<void> {
    if (status.state === 'error') this.errors++;
    await this.store.saveStatus(status);
    this.saved.push(status);
    if (status.state !== 'error') {
      await this.store.addHistoryPoint(
        status.ref,
        {
          t: status.evaluatedAt,
          remainingRatio: status.errorBudget?.remainingRatio ?? null,
          sliRatio: status.sli?.ratio ?? null,
        },
        HISTORY_SLOT_SECONDS,
      );
    }
  }
}
