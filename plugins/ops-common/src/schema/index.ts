import type { OpsJsonObject } from '../kinds/json';
import sli from './SLI.v1.schema.json';
import slo from './SLO.v1.schema.json';
import runbook from './Runbook.v1alpha1.schema.json';
import backupPolicy from './BackupPolicy.v1alpha1.schema.json';
import compositeSlo from './CompositeSLO.v1alpha1.schema.json';
import alertPolicy from './AlertPolicy.v1.schema.json';
import alertCondition from './AlertCondition.v1.schema.json';
import alertNotificationTarget from './AlertNotificationTarget.v1.schema.json';
import dataSource from './DataSource.v1.schema.json';
import service from './Service.v1.schema.json';

/**
 * JSON schema (draft-07) of an OpenSLO v1 SLI document. Its definitions
 * (`inlineSli`, `metricSource`, ...) are referenced by the SLO schema, so
 * register both when using them with a validator of your own.
 *
 * @public
 */
export const sliV1Schema: OpsJsonObject = sli;

/**
 * JSON schema (draft-07) of an OpenSLO v1 SLO document. Its `alertPolicies`
 * entries reference the AlertPolicy schema, which references the
 * AlertCondition and AlertNotificationTarget schemas: register all four.
 *
 * @public
 */
export const sloV1Schema: OpsJsonObject = slo;

/** JSON schema (draft-07) of an OpenSLO v1 AlertPolicy. @public */
export const alertPolicyV1Schema: OpsJsonObject = alertPolicy;

/** JSON schema (draft-07) of an OpenSLO v1 AlertCondition. @public */
export const alertConditionV1Schema: OpsJsonObject = alertCondition;

/** JSON schema (draft-07) of an OpenSLO v1 AlertNotificationTarget. @public */
export const alertNotificationTargetV1Schema: OpsJsonObject =
  alertNotificationTarget;

/** JSON schema (draft-07) of an OpenSLO v1 DataSource. @public */
export const dataSourceV1Schema: OpsJsonObject = dataSource;

/** JSON schema (draft-07) of an OpenSLO v1 Service. @public */
export const openSloServiceV1Schema: OpsJsonObject = service;

/** JSON schema (draft-07) of a `unyo.dev/v1alpha1` Runbook. @public */
export const runbookV1alpha1Schema: OpsJsonObject = runbook;

/** JSON schema (draft-07) of a `unyo.dev/v1alpha1` BackupPolicy. @public */
export const backupPolicyV1alpha1Schema: OpsJsonObject = backupPolicy;

/**
 * JSON schema (draft-07) of a `unyo.dev/v1alpha1` CompositeSLO. Its
 * `timeWindow` references the SLO schema: register both.
 *
 * @public
 */
export const compositeSloV1alpha1Schema: OpsJsonObject = compositeSlo;
