import { SloStore } from '../../database/SloStore';
import { DailySummary, SloDailyRow } from '../rollups/dailyRollupTable';

/**
 * The daily rows of one preview, kept in memory and dropped with it: a
 * draft's days are backfilled from Prometheus as a new SLO's are in a round
 * (`rollups/dailyCounts.ts`), and nothing reaches the database.
 */
export class DraftDailyRows
  implements Pick<SloStore, 'getDaily' | 'upsertDaily' | 'summarizeDaily'>
{
  private readonly byKey = new Map<string, SloDailyRow>();

  /** Every row backfilled, oldest day first. */
  get rows(): SloDailyRow[] {
    return [...this.byKey.values()].sort((a, b) => a.day.localeCompare(b.day));
  }

  async upsertDaily(rows: SloDailyRow[]): Promise<void> {
    for (const row of rows) this.byKey.set(`${row.sloRef}|${row.day}`, row);
  }

  async getDaily(
    sloRefs: string[],
    fromDay: string,
    toDay: string,
  ): Promise<SloDailyRow[]> {
    return this.rows.filter(
      r => sloRefs.includes(r.sloRef) && r.day >= fromDay && r.day <= toDay,
    );
  }

  /** No summaries: a draft starts with no stored day, so every day is backfilled. */
  async summarizeDaily(): Promise<Map<string, DailySummary>> {
    return new Map();
  }
}
