import { SloStatus } from '@unyo/plugin-ops-common';
import { DEFAULT_GATE_ALLOWANCES, GateAllowances } from './gateConfig';
import { GateDecision, GateOverride, GateSloVerdict } from './types';

function percent(ratio: number | undefined): string {
  return ratio === undefined ? '?' : `${(ratio * 100).toFixed(1)} %`;
}

function named(slo: SloStatus): string {
  return slo.title ? `${slo.ref} (${slo.title})` : slo.ref;
}

/**
 * The gate from the SLOs' policy states: deny when any SLO's state is one
 * its policy set does not allow; an active override allows anyway. SLOs
 * with no policy state (no data, never evaluated) do not decide: the
 * reasons say so.
 */
export function decideGate(options: {
  entityRef: string;
  slos: SloStatus[];
  allowances: Record<string, GateAllowances>;
  override?: GateOverride;
}): GateDecision {
  const { entityRef, slos, allowances, override } = options;
  const reasons: string[] = [];
  const verdicts: GateSloVerdict[] = slos.map(slo => {
    const setName = slo.policySet?.name ?? 'default';
    const allowed =
      allowances[setName] ?? allowances.default ?? DEFAULT_GATE_ALLOWANCES;
    const allow = slo.policy ? allowed[slo.policy] : true;
    const remainingRatio = slo.errorBudget?.remainingRatio;
    if (!slo.policy) {
      reasons.push(
        `${named(slo)} has no error-budget state (${slo.state}${
          slo.message ? `: ${slo.message}` : ''
        }), so it does not decide`,
      );
    } else if (!allow) {
      reasons.push(
        `${named(slo)} is ${slo.policy} with ${percent(
          remainingRatio,
        )} of its error budget left; policy "${setName}" denies deploys under ${
          slo.policy
        }`,
      );
    }
    return {
      ref: slo.ref,
      ...(slo.title ? { title: slo.title } : {}),
      state: slo.state,
      ...(slo.policy ? { policy: slo.policy } : {}),
      ...(slo.policySet ? { policySet: slo.policySet } : {}),
      ...(remainingRatio !== undefined ? { remainingRatio } : {}),
      allow,
    };
  });
  const denied = verdicts.some(v => !v.allow);
  if (!slos.length) reasons.push(`No SLO measures ${entityRef}`);
  else if (!denied)
    reasons.push(
      `Every SLO of ${entityRef} is in a state its policy allows deploys in`,
    );
  if (denied && override) {
    reasons.push(
      `Overridden by ${override.createdBy} until ${override.expiresAt}: ${override.reason}`,
    );
  }
  return {
    entityRef,
    allow: !denied || !!override,
    reasons,
    slos: verdicts,
    ...(denied && override ? { override } : {}),
  };
}
