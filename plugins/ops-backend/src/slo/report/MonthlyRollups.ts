import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { TtlCache } from '../../lib/TtlCache';
import { migratedClient } from '../../database/util';

/** Sums of an SLO's stored days in one month. */
export interface MonthTotals {
  good: number;
  total: number;
  days: number;
}

/** SLO ref → `YYYY-MM` → totals. */
export type MonthlyTotals = Map<string, Map<string, MonthTotals>>;

/** Monthly sums of the daily rollups (`ops_slo_daily`). */
export interface MonthlyRollups {
  /** Every SLO's months from `fromMonth` to `toMonth` inclusive. */
  totals(fromMonth: string, toMonth: string): Promise<MonthlyTotals>;
}

/**
 * Reads the monthly sums with one grouped query over the rollups' primary
 * key (slo_ref, day): a year of 2,000 SLOs is 730,000 rows summed in the
 * database, not in Node. Kept for a minute: days change once a day, and a
 * report page asks for the same year on every scroll and filter.
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
    this.cache = new TtlCache(ttlMs, 50);
  }

  totals(fromMonth: string, toMonth: string): Promise<MonthlyTotals> {
    return this.cache.get(`${fromMonth}/${toMonth}`, () =>
      this.query(fromMonth, toMonth),
    );
  }

  private async query(
    fromMonth: string,
    toMonth: string,
  ): Promise<MonthlyTotals> {
    // `day` is YYYY-MM-DD text: its first 7 characters are the month, and
    // the range compares as text on both SQLite and PostgreSQL.
    const month = this.db.raw('substr(day, 1, 7)');
    const rows = await this.db('ops_slo_daily')
      .select(
        'slo_ref',
        this.db.raw('substr(day, 1, 7) as month'),
        this.db.raw('sum(good) as good'),
        this.db.raw('sum(total) as total'),
        this.db.raw('count(*) as days'),
      )
      .where('day', '>=', `${fromMonth}-01`)
      .andWhere('day', '<=', `${toMonth}-31`)
      .groupBy('slo_ref', month);
    const out: MonthlyTotals = new Map();
    for (const row of rows) {
      let months = out.get(row.slo_ref);
      if (!months) {
        months = new Map();
        out.set(row.slo_ref, months);
      }
      months.set(row.month, {
        good: Number(row.good),
        total: Number(row.total),
        days: Number(row.days),
      });
    }
    return out;
  }
}
