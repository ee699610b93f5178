import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { TtlCache } from '../../lib/TtlCache';
import { migratedClient } from '../../database/util';
import { MonthlyTotals, sumMonths } from './monthlyRollupTable';

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

/**
 * Reads the monthly sums from the database, kept for a minute: days change
 * once a day, and a report page asks for the same year on every scroll and
 * filter. The sums are stored per month (`ops_slo_monthly`), so a year is
 * read, not summed from its days; an expired year is still answered for up
 * to an hour while it is read again.
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

  private constructor(private readonly db: Knex, ttlMs: number) {
    this.cache = new TtlCache(ttlMs, 50, STALE_MS);
  }

  totals(fromMonth: string, toMonth: string): Promise<MonthlyTotals> {
    return this.cache.get(`${fromMonth}/${toMonth}`, () =>
      sumMonths(this.db, fromMonth, toMonth),
    );
  }
}
