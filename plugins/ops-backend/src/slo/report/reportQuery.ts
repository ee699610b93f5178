import { Request } from 'express';
import {
  defaultedRefParam,
  optionalInteger,
  optionalString,
} from '../../lib/params';
import { SloReportFilter } from '../SloService';
import { ReportView } from './reportRows';

/**
 * Filters of both the report and its summary. The spec has checked `month`
 * (specParameters.ts); the refs are parsed here.
 */
export function reportFilter(req: Request): SloReportFilter {
  return {
    owner: defaultedRefParam(req, 'owner', 'group'),
    system: defaultedRefParam(req, 'system', 'system'),
    month: optionalString(req, 'month'),
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

/**
 * `GET /slo-report`'s query. Its enums, ranges and lengths are the spec's,
 * checked before the route (specParameters.ts); the defaults are its too.
 */
export function reportQuery(req: Request): ReportQuery {
  return {
    ...reportFilter(req),
    format: optionalString<ReportQuery['format']>(req, 'format') ?? 'json',
    months: optionalInteger(req, 'months') ?? 0,
    q: optionalString(req, 'q'),
    policy: optionalString<NonNullable<ReportView['policy']>>(req, 'policy'),
    sort: optionalString<ReportView['sort']>(req, 'sort') ?? 'name',
    order: optionalString<ReportView['order']>(req, 'order') ?? 'asc',
    groupBy: optionalString<NonNullable<ReportView['groupBy']>>(req, 'groupBy'),
    limit: optionalInteger(req, 'limit'),
    offset: optionalInteger(req, 'offset') ?? 0,
  };
}
