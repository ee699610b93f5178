import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Request } from 'express';
import { integerParam, oneOf, optionalString } from '../../lib/params';
import { SloReportFilter } from '../SloService';
import { MONTH } from './monthlyStatus';
import { ReportView } from './reportRows';

/** The most months of attainment one request may ask for. */
export const MAX_MONTHS = 24;
/** The largest page of the JSON report. */
export const MAX_LIMIT = 5000;

function refParam(req: Request, key: string, defaultKind: string) {
  const value = optionalString(req, key);
  if (value === undefined) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch (e) {
    throw new InputError(
      `Query parameter ${key} is not an entity ref: ${(e as Error).message}`,
    );
  }
}

/** Filters of both the report and its summary, validated. */
export function reportFilter(req: Request): SloReportFilter {
  const month = optionalString(req, 'month');
  if (month !== undefined && !MONTH.test(month)) {
    throw new InputError(
      `Query parameter month must be YYYY-MM, e.g. 2026-11: "${month}"`,
    );
  }
  return {
    owner: refParam(req, 'owner', 'group'),
    system: refParam(req, 'system', 'system'),
    month,
  };
}

/** Every parameter of `GET /slo-report`, validated. */
export interface ReportQuery extends SloReportFilter, ReportView {
  format: 'json' | 'csv';
  /** Months of attainment per row, ending with `month`; 0 for none. */
  months: number;
  limit?: number;
  offset: number;
}

/** `GET /slo-report`'s query, validated: a 400 names the bad parameter. */
export function reportQuery(req: Request): ReportQuery {
  const format = optionalString(req, 'format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    throw new InputError(
      `Query parameter format must be json or csv: "${format}"`,
    );
  }
  const q = optionalString(req, 'q');
  if (q !== undefined && q.length > 200) {
    throw new InputError('Query parameter q must be at most 200 characters');
  }
  return {
    ...reportFilter(req),
    format,
    months: integerParam(req, 'months', 0, MAX_MONTHS) ?? 0,
    q,
    policy: oneOf(req, 'policy', [
      'normal',
      'feature-freeze',
      'incident-only',
      'frozen',
      'none',
    ] as const),
    sort:
      oneOf(req, 'sort', ['name', 'attainment', 'budget'] as const) ?? 'name',
    order: oneOf(req, 'order', ['asc', 'desc'] as const) ?? 'asc',
    groupBy: oneOf(req, 'groupBy', ['owner', 'system'] as const),
    limit: integerParam(req, 'limit', 1, MAX_LIMIT),
    offset: integerParam(req, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
  };
}
