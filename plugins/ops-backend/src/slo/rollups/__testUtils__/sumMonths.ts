import { Knex } from 'knex';
import {
  bySlo,
  MonthlyTotals,
  readMonths,
  summedMonths,
} from '../monthlyRollupTable';

/**
 * Every SLO's monthly sums from `fromMonth` to `toMonth`, straight from the
 * tables: what `DatabaseMonthlyRollups` answers, without its caches, so
 * that a test sees each statement a read makes.
 */
export async function sumMonths(
  db: Knex,
  fromMonth: string,
  toMonth: string,
): Promise<MonthlyTotals> {
  const months = await summedMonths(db, fromMonth, toMonth);
  return bySlo(
    await readMonths(
      db,
      months.map(m => m.month),
    ),
  );
}
