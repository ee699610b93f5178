import { SloHistoryPoint, SloStatus } from '@unyo/plugin-ops-common';
import {
  DailySummary,
  DailySummaryRange,
  SloDailyExclusion,
  SloDailyRow,
} from '../slo/rollups/dailyRollupTable';

/** What the store keeps of an SLO: its latest evaluation and the last good one. */
export interface StoredSloStatus {
  status: SloStatus;
  lastGood?: SloStatus;
}

export type { SloDailyRow };

/** A burn-down point of one SLO. */
export interface SloHistoryEntry {
  sloRef: string;
  point: SloHistoryPoint;
}

/** Where SLO evaluations, daily rollups and burn-down points live. */
export interface SloStore {
  /** Saves an evaluation; an `ok` or `no-data` one also becomes the last good one. */
  saveStatus(status: SloStatus): Promise<void>;
  /** `saveStatus` for many, in few statements (one round's statuses). */
  saveStatuses(statuses: SloStatus[]): Promise<void>;
  getStatuses(sloRefs: string[]): Promise<Map<string, StoredSloStatus>>;
  upsertDaily(rows: SloDailyRow[]): Promise<void>;
  getDaily(
    sloRefs: string[],
    fromDay: string,
    toDay: string,
  ): Promise<SloDailyRow[]>;
  /** Sets the corrections' share of stored days; the keys `ref|day` that exist. */
  setDailyExclusions(exclusions: SloDailyExclusion[]): Promise<Set<string>>;
  /** Per SLO, rows stored in a range and their sums (`summarizeDailyRows`). */
  summarizeDaily(
    sloRefs: string[],
    range: DailySummaryRange,
  ): Promise<Map<string, DailySummary>>;
  /** Keeps one point per SLO and slot: `t` is rounded down to the slot. */
  addHistoryPoint(
    sloRef: string,
    point: SloHistoryPoint,
    slotSeconds: number,
  ): Promise<void>;
  /** `addHistoryPoint` for many, in few statements. */
  addHistoryPoints(
    points: SloHistoryEntry[],
    slotSeconds: number,
  ): Promise<void>;
  getHistory(sloRef: string, from: Date, to: Date): Promise<SloHistoryPoint[]>;
  /** The burn-down points of several SLOs (refs without any are absent). */
  getHistories(
    sloRefs: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, SloHistoryPoint[]>>;
  /** Deletes burn-down points and daily rows older than `before`. */
  prune(before: Date): Promise<void>;
}
