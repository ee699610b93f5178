import type { OpsJsonObject } from '../kinds/json';
import sli from './SLI.v1.schema.json';
import slo from './SLO.v1.schema.json';
import runbook from './Runbook.v1alpha1.schema.json';
import backupPolicy from './BackupPolicy.v1alpha1.schema.json';

/**
 * JSON schema (draft-07) of an OpenSLO v1 SLI document. Its definitions
 * (`inlineSli`, `metricSource`, ...) are referenced by the SLO schema, so
 * register both when using them with a validator of your own.
 *
 * @public
 */
export const sliV1Schema: OpsJsonObject = sli;

/** JSON schema (draft-07) of an OpenSLO v1 SLO document. @public */
export const sloV1Schema: OpsJsonObject = slo;

/** JSON schema (draft-07) of a `unyo.dev/v1alpha1` Runbook. @public */
export const runbookV1alpha1Schema: OpsJsonObject = runbook;

/** JSON schema (draft-07) of a `unyo.dev/v1alpha1` BackupPolicy. @public */
export const backupPolicyV1alpha1Schema: OpsJsonObject = backupPolicy;
