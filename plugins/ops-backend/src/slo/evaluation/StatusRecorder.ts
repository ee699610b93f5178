import { SloStatus } from '@unyo/plugin-ops-common';
import { SloStore } from '../../database/SloStore';

/** Burn-down points kept: one per SLO every 10 minutes. */
export const HISTORY_SLOT_SECONDS = 600;

/**
 * Persists the statuses of one round: each one replaces the SLO's stored
 * status, and one that is not in error also becomes a burn-down point.
 * Statuses are collected and written by `flush` in a few multi-row
 * statements, not two per SLO: at thousands of SLOs the writes would
 * otherwise take as long as Prometheus's answers.
 */
export class StatusRecorder {
  errors = 0;
  /** The statuses of the round, in the order saved. */
  readonly saved: SloStatus[] = [];
  private pending: SloStatus[] = [];

  constructor(
    private readonly store: Pick<SloStore, 'saveStatuses' | 'addHistoryPoints'>,
  ) {}

  add(statuses: SloStatus[]): void {
    for (const status of statuses) {
      if (status.state === 'error') this.errors++;
      this.pending.push(status);
    }
  }

  async flush(): Promise<void> {
    const statuses = this.pending;
    this.pending = [];
    await this.store.saveStatuses(statuses);
    this.saved.push(...statuses);
    await this.store.addHistoryPoints(
      statuses
        .filter(s => s.state !== 'error')
        .map(s => ({
          sloRef: s.ref,
          point: {
            t: s.evaluatedAt,
            remainingRatio: s.errorBudget?.remainingRatio ?? null,
            sliRatio: s.sli?.ratio ?? null,
          },
        })),
      HISTORY_SLOT_SECONDS,
    );
  }
}
