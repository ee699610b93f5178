import type {
  AlertPolicyEntity,
  AlertPolicySpec,
} from '../kinds/AlertingEntities';
import {
  RELATION_ALERT_CONDITION_FOR,
  RELATION_ALERT_POLICY_FOR,
  RELATION_HAS_ALERT_CONDITION,
  RELATION_HAS_ALERT_POLICY,
  RELATION_NOTIFIED_BY,
  RELATION_NOTIFIES,
} from '../kinds/constants';
import type { SloEntity } from '../kinds/SloEntity';

/**
 * A name written in an alerting field, with what the catalog makes of it:
 * the field that holds it, the kind a bare name means and the relation.
 *
 * @public
 */
export type OpsAlertingRef = {
  /** e.g. `spec.alertPolicies[0].alertPolicyRef` */
  path: string;
  ref: string;
  defaultKind: string;
  type: string;
  reverseType: string;
};

/**
 * The AlertPolicies an SLO names, and the conditions and targets named by the
 * policies it writes inline; or the conditions and targets an AlertPolicy
 * names. Inline conditions and targets name nothing.
 *
 * @public
 */
export function getAlertingRefs(
  entity: SloEntity | AlertPolicyEntity,
): OpsAlertingRef[] {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'slo') {
    return policyRefs('spec', (entity as AlertPolicyEntity).spec);
  }
  const policy = (path: string, ref: string): OpsAlertingRef => ({
    path,
    ref,
    defaultKind: 'alertpolicy',
    type: RELATION_HAS_ALERT_POLICY,
    reverseType: RELATION_ALERT_POLICY_FOR,
  });
  return ((entity as SloEntity).spec.alertPolicies ?? []).flatMap((item, i) => {
    const path = `spec.alertPolicies[${i}]`;
    if (typeof item === 'string') {
      return [policy(path, item)];
    }
    if ('alertPolicyRef' in item) {
      return [policy(`${path}.alertPolicyRef`, item.alertPolicyRef)];
    }
    return policyRefs(`${path}.spec`, item.spec);
  });
}

function policyRefs(prefix: string, spec: AlertPolicySpec): OpsAlertingRef[] {
  const refs: OpsAlertingRef[] = [];
  spec.conditions.forEach((condition, i) => {
    if ('conditionRef' in condition) {
      refs.push({
        path: `${prefix}.conditions[${i}].conditionRef`,
        ref: condition.conditionRef,
        defaultKind: 'alertcondition',
        type: RELATION_HAS_ALERT_CONDITION,
        reverseType: RELATION_ALERT_CONDITION_FOR,
      });
    }
  });
  spec.notificationTargets.forEach((target, i) => {
    if ('targetRef' in target) {
      refs.push({
        path: `${prefix}.notificationTargets[${i}].targetRef`,
        ref: target.targetRef,
        defaultKind: 'alertnotificationtarget',
        type: RELATION_NOTIFIES,
        reverseType: RELATION_NOTIFIED_BY,
      });
    }
  });
  return refs;
}
