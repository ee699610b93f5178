import { parseEntityRef } from '@backstage/catalog-model';
import {
  SliEntity,
  SloEntity,
  SloTimeWindow,
  SloVersionChange,
} from '@unyo/plugin-ops-common';
import { createHash } from 'node:crypto';
import { describeSlo, sloTimeWindow } from '../describeSlo';

/** What makes an SLO version: the fields whose change starts a new one. */
export interface SloDefinition {
  target: number;
  timeWindow: SloTimeWindow;
  queriesHash: string;
}

/** JSON with keys sorted, so that key order in YAML does not count as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map(
        k =>
          `${JSON.stringify(k)}:${canonical(
            (value as Record<string, unknown>)[k],
          )}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The SLO's target, window and a hash of its indicator's spec (inline, or
 * the SLI `indicatorRef` names, as the evaluator resolves it): what the
 * catalog says now.
 */
export function sloDefinition(
  slo: SloEntity,
  slis: Map<string, SliEntity>,
): SloDefinition {
  const objective = slo.spec.objectives[0] ?? {};
  let indicator: unknown = (objective.indicator ?? slo.spec.indicator)?.spec;
  const indicatorRef = objective.indicatorRef ?? slo.spec.indicatorRef;
  if (indicator === undefined && indicatorRef) {
    try {
      const ref = parseEntityRef(indicatorRef, {
        defaultKind: 'sli',
        defaultNamespace: slo.metadata.namespace ?? 'default',
      });
      indicator = slis.get(`${ref.namespace}/${ref.name}`)?.spec;
    } catch {
      indicator = { indicatorRef };
    }
  }
  return {
    target: describeSlo(slo).target,
    timeWindow: sloTimeWindow(slo),
    queriesHash: createHash('sha256')
      .update(canonical(indicator))
      .digest('hex'),
  };
}

/** What differs between two definitions, in a fixed order. */
export function definitionChanges(
  before: SloDefinition,
  after: SloDefinition,
): SloVersionChange[] {
  const changes: SloVersionChange[] = [];
  if (before.target !== after.target) changes.push('target');
  if (canonical(before.timeWindow) !== canonical(after.timeWindow))
    changes.push('window');
  if (before.queriesHash !== after.queriesHash) changes.push('queries');
  return changes;
}
