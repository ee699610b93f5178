import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { SloPolicy } from '@unyo/plugin-ops-common';

/** Whether deploys may go ahead under each policy state of one policy set. */
export type GateAllowances = Record<SloPolicy, boolean>;

/**
 * Neutral defaults, as the state names say: only `normal` deploys;
 * `feature-freeze` and `incident-only` are opened per policy set.
 */
export const DEFAULT_GATE_ALLOWANCES: GateAllowances = Object.freeze({
  normal: true,
  'feature-freeze': false,
  'incident-only': false,
  frozen: false,
});

function readAllowance(
  gate: Config,
  key: 'featureFreeze' | 'incidentOnly',
  at: string,
  fallback: boolean,
): boolean {
  const value = gate.getOptionalString(key);
  if (value === undefined) return fallback;
  if (value !== 'allow' && value !== 'deny') {
    throw new InputError(`${at}.gate.${key} must be allow or deny: "${value}"`);
  }
  return value === 'allow';
}

function readGate(
  policy: Config | undefined,
  at: string,
  fallback: GateAllowances,
): GateAllowances {
  const gate = policy?.getOptionalConfig('gate');
  if (!gate) return fallback;
  return {
    normal: true,
    'feature-freeze': readAllowance(
      gate,
      'featureFreeze',
      at,
      fallback['feature-freeze'],
    ),
    'incident-only': readAllowance(
      gate,
      'incidentOnly',
      at,
      fallback['incident-only'],
    ),
    frozen: false,
  };
}

/**
 * The gate of each policy set, keyed as `SloPolicySet.name`: `default`
 * from `ops.slo.policy.gate`, the others from `ops.slo.policies.<name>.gate`
 * (a set without one inherits `default`'s).
 */
export function readGateAllowances(
  root: Config,
): Record<string, GateAllowances> {
  const slo = root.getOptionalConfig('ops.slo');
  const byName: Record<string, GateAllowances> = {
    default: readGate(
      slo?.getOptionalConfig('policy'),
      'ops.slo.policy',
      DEFAULT_GATE_ALLOWANCES,
    ),
  };
  const policies = slo?.getOptionalConfig('policies');
  for (const name of policies?.keys() ?? []) {
    byName[name] = readGate(
      policies!.getConfig(name),
      `ops.slo.policies.${name}`,
      byName.default,
    );
  }
  return byName;
}
