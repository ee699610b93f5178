import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { TtlCache } from '../../lib/TtlCache';
import { migratedClient } from '../../database/util';
import {
  bySlo,
  MonthTotals,
  MonthlyTotals,
  readMonths,
  summedMonths,
} from './monthlyRollupTable';

export type { MonthTotals, MonthlyTotals } from './monthlyRollupTable';

/** How long after expiry a year of sums may still be answered while reloaded. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Monthly sums of the daily rollups (`ops_slo_daily`), kept in
 * `ops_slo_monthly` and summed again when their days changed.
 */
export interface MonthlyRollups {
  /** Every SLO's months from `fromMonth` to `toMonth` inclusive. */
  totals(fromMonth: string, toMonth: string): Promise<MonthlyTotals>;
}

/** How many months' sums are kept in memory: two years of report. */
const KEPT_MONTHS = 25;

/**
 * Reads the monthly sums from the database, kept for a minute: days change
 * once a day, and a report page asks for the same year on every scroll and
 * filter. The sums are stored per month (`ops_slo_monthly`), so a year is
 * read, not summed from its days; an expired year is still answered for up
 * to an hour while it is read again. Each month's sums are also kept with
 * the version they are of, and a year read again only reads the months
 * whose version changed: as rounds store days, that is this month, not 12
 * (360,000 rows, 2 s, at 30,000 SLOs).
 */
export class DatabaseMonthlyRollups implements MonthlyRollups {
  static async create(options: {
    database: DatabaseService;
    ttlMs?: number;
  }): Promise<DatabaseMonthlyRollups> {
    return new DatabaseMonthlyRollups(
      await migratedClient(options.database),
      options.ttlMs ?? 60_000,
    );
  }

  private readonly cache: TtlCache<MonthlyTotals>;
  private readonly months = new Map<
    string,
    { version: number; sums: Map<string, MonthTotals> }
  >();

  private constructor(private readonly db: Knex, ttlMs: number) {
    this.cache = new TtlCache(ttlMs, 50, STALE_MS);
  }

  totals(fromMonth: string, toMonth: string): Promise<MonthlyTotals> {
    return this.cache.get(`${fromMonth}/${toMonth}`, () =>
      this.read(fromMonth, toMonth),
    );
  }

  private async read(
    fromMonth: string,
    toMonth: string,
  ): Promise<MonthlyTotals> {
    const summed = await summedMonths(this.db, fromMonth, toMonth);
    // Taken now: another read may let months go while this one waits.
    const kept = new Map<string, Map<string, MonthTotals>>();
    for (const { month, version } of summed) {
      const known = this.months.get(month);
      if (known?.version === version) kept.set(month, known.sums);
    }
    const read = await readMonths(
      this.db,
      summed.filter(m => !kept.has(m.month)).map(m => m.month),
    );
    const monthsOf = summed.map(({ month, version }) => {
      const sums = kept.get(month) ?? read.get(month)!;
      // Inserted again, so that a Map's order is that of use.
      this.months.delete(month);
      this.months.set(month, { version, sums });
      return [month, sums] as [string, Map<string, MonthTotals>];
    });
    // Beyond two years of months, those used longest ago go.
    for (const month of this.months.keys()) {
      if (this.months.size <= KEPT_MONTHS) break;
      this.months.delete(month);
    }
    return bySlo(monthsOf);
  }
}
