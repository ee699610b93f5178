import type { Entity } from '@backstage/catalog-model';
import {
  ALERT_CONDITION_KIND,
  ALERT_NOTIFICATION_TARGET_KIND,
  ALERT_POLICY_KIND,
  OPENSLO_API_VERSION,
} from './constants';
import { isKind } from './isKind';
import type { OpsJsonObject } from './json';

/** The metadata of a document written inline in another. @public */
export type OpenSloInlineMetadata = {
  name: string;
  displayName?: string;
} & OpsJsonObject;

/** When an alert fires; Unyo loads it and does not evaluate it. @public */
export type AlertConditionSpec = {
  description?: string;
  severity: string;
  condition: {
    kind?: 'burnrate';
    op?: 'lte' | 'gte' | 'lt' | 'gt';
    threshold?: number;
    /** OpenSLO duration, e.g. `1h`. */
    lookbackWindow?: string;
    alertAfter?: string;
  };
};

/** @public */
export type AlertNotificationTargetSpec = {
  description?: string;
  /** e.g. `email`, `slack`. */
  target: string;
};

/**
 * A policy's condition: a name, or a condition written inline (whose fields
 * the OpenSLO v1 schema does not require).
 *
 * @public
 */
export type AlertPolicyCondition =
  | { conditionRef: string }
  | {
      kind: typeof ALERT_CONDITION_KIND;
      metadata: Partial<OpenSloInlineMetadata>;
      spec: Partial<AlertConditionSpec>;
    };

/** A policy's notification target: a name, or a target written inline. @public */
export type AlertPolicyNotificationTarget =
  | { targetRef: string }
  | {
      kind: string;
      metadata: Partial<OpenSloInlineMetadata>;
      spec: Partial<AlertNotificationTargetSpec>;
    };

/** @public */
export type AlertPolicySpec = {
  description?: string;
  alertWhenNoData: boolean;
  alertWhenResolved: boolean;
  alertWhenBreaching: boolean;
  /** Exactly one in OpenSLO v1. */
  conditions: AlertPolicyCondition[];
  notificationTargets: AlertPolicyNotificationTarget[];
};

/**
 * An entry of an SLO's `spec.alertPolicies`: a policy name, a reference, or a
 * policy written inline.
 *
 * @public
 */
export type SloAlertPolicy =
  | string
  | { alertPolicyRef: string }
  | {
      kind: typeof ALERT_POLICY_KIND;
      metadata: OpenSloInlineMetadata;
      spec: AlertPolicySpec;
    };

/** An OpenSLO v1 AlertPolicy document in the catalog. @public */
export interface AlertPolicyEntity extends Entity {
  apiVersion: typeof OPENSLO_API_VERSION;
  kind: typeof ALERT_POLICY_KIND;
  spec: AlertPolicySpec;
}

/** An OpenSLO v1 AlertCondition document in the catalog. @public */
export interface AlertConditionEntity extends Entity {
  apiVersion: typeof OPENSLO_API_VERSION;
  kind: typeof ALERT_CONDITION_KIND;
  spec: AlertConditionSpec;
}

/** An OpenSLO v1 AlertNotificationTarget document in the catalog. @public */
export interface AlertNotificationTargetEntity extends Entity {
  apiVersion: typeof OPENSLO_API_VERSION;
  kind: typeof ALERT_NOTIFICATION_TARGET_KIND;
  spec: AlertNotificationTargetSpec;
}

/** @public */
export function isAlertPolicyEntity(
  entity: Entity,
): entity is AlertPolicyEntity {
  return isKind(entity, OPENSLO_API_VERSION, ALERT_POLICY_KIND);
}

/** @public */
export function isAlertConditionEntity(
  entity: Entity,
): entity is AlertConditionEntity {
  return isKind(entity, OPENSLO_API_VERSION, ALERT_CONDITION_KIND);
}

/** @public */
export function isAlertNotificationTargetEntity(
  entity: Entity,
): entity is AlertNotificationTargetEntity {
  return isKind(entity, OPENSLO_API_VERSION, ALERT_NOTIFICATION_TARGET_KIND);
}
