import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Request } from 'express';
import { SloReportFilter } from '../SloService';
import { MONTH } from './monthlyStatus';

function optionalString(req: Request, key: string): string | undefined {
  const value = req.query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`Query parameter ${key} must be given once`);
  }
  return value;
}

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

/** `owner`, `system`, `month` and `format` of `GET /slo-report`, validated. */
export function reportQuery(
  req: Request,
): SloReportFilter & { format: 'json' | 'csv' } {
  const month = optionalString(req, 'month');
  if (month !== undefined && !MONTH.test(month)) {
    throw new InputError(
      `Query parameter month must be YYYY-MM, e.g. 2026-11: "${month}"`,
    );
  }
  const format = optionalString(req, 'format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    throw new InputError(
      `Query parameter format must be json or csv: "${format}"`,
    );
  }
  return {
    owner: refParam(req, 'owner', 'group'),
    system: refParam(req, 'system', 'system'),
    month,
    format,
  };
}
