import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Entity } from '@backstage/catalog-model';
import {
  isAlertConditionEntity,
  isAlertNotificationTargetEntity,
  isAlertPolicyEntity,
} from '../kinds/AlertingEntities';
import { isBackupPolicyEntity } from '../kinds/BackupPolicyEntity';
import { isCompositeSloEntity } from '../kinds/CompositeSloEntity';
import { OPENSLO_API_VERSION } from '../kinds/constants';
import { isDataSourceEntity } from '../kinds/DataSourceEntity';
import type { OpsJsonObject } from '../kinds/json';
import { isOpenSloServiceEntity } from '../kinds/OpenSloServiceEntity';
import { isOpsEntity } from '../kinds/OpsEntity';
import { isRunbookEntity } from '../kinds/RunbookEntity';
import { isSliEntity, isSloEntity } from '../kinds/SloEntity';
import {
  alertConditionV1Schema,
  alertNotificationTargetV1Schema,
  alertPolicyV1Schema,
  backupPolicyV1alpha1Schema,
  compositeSloV1alpha1Schema,
  dataSourceV1Schema,
  openSloServiceV1Schema,
  runbookV1alpha1Schema,
  sliV1Schema,
  sloV1Schema,
} from '../schema';
import { checkSemantics } from './checkSemantics';
import { formatAjvErrors } from './formatAjvErrors';
import type { OpsValidationResult } from './types';

/** Each kind's test and schema, in the order the kinds are tried. */
const kindSchemas: Array<[(entity: Entity) => boolean, OpsJsonObject]> = [
  [isSloEntity, sloV1Schema],
  [isSliEntity, sliV1Schema],
  [isAlertPolicyEntity, alertPolicyV1Schema],
  [isAlertConditionEntity, alertConditionV1Schema],
  [isAlertNotificationTargetEntity, alertNotificationTargetV1Schema],
  [isDataSourceEntity, dataSourceV1Schema],
  [isOpenSloServiceEntity, openSloServiceV1Schema],
  [isRunbookEntity, runbookV1alpha1Schema],
  [isBackupPolicyEntity, backupPolicyV1alpha1Schema],
  [isCompositeSloEntity, compositeSloV1alpha1Schema],
];

// Compiled on first use: frontends import this package for its types and
// constants and should not pay for schema compilation they never need.
let ajv: Ajv | undefined;

function validatorFor(entity: Entity): ValidateFunction | undefined {
  const schema = kindSchemas.find(([isThisKind]) => isThisKind(entity))?.[1];
  if (!schema) {
    return undefined;
  }
  if (!ajv) {
    ajv = new Ajv({
      allErrors: true,
      // keeps the failing schema and data on each error, for the messages
      verbose: true,
      // timeSliceWindow is a number of seconds or a duration string
      allowUnionTypes: true,
      schemas: kindSchemas.map(([, s]) => s),
    });
    addFormats(ajv, ['regex']);
  }
  return ajv.getSchema(String(schema.$id));
}

/**
 * Whether a document is written for OpenSLO (any `openslo/` apiVersion):
 * the catalog module answers for all of them, so that a version or kind it
 * does not read is refused naming the field instead of left unclaimed.
 *
 * @public
 */
export function isOpenSloDocument(entity: Entity): boolean {
  return (
    typeof entity.apiVersion === 'string' &&
    entity.apiVersion.startsWith('openslo/')
  );
}

/**
 * Validates a document of one of the kinds in {@link OpsEntity}: its
 * apiVersion, kind and spec against the kind's JSON schema, then the rules
 * a schema cannot express (a step's action must exist, ids unique, entity
 * refs and time zones valid). The envelope (metadata) is the catalog's to
 * validate.
 *
 * @public
 */
export function validateOpsEntity(entity: Entity): OpsValidationResult {
  const validate = validatorFor(entity);
  if (!validate || !isOpsEntity(entity)) {
    return { valid: false, errors: [unknownKindError(entity)] };
  }
  if (!validate(entity)) {
    return { valid: false, errors: formatAjvErrors(validate.errors) };
  }
  const errors = checkSemantics(entity);
  return errors.length ? { valid: false, errors } : { valid: true };
}

function unknownKindError(entity: Entity) {
  if (isOpenSloDocument(entity) && entity.apiVersion !== OPENSLO_API_VERSION) {
    return {
      path: 'apiVersion',
      message: `apiVersion "${entity.apiVersion}" is not read: OpenSLO documents must be ${OPENSLO_API_VERSION}`,
    };
  }
  return {
    path: 'kind',
    message: `kind ${entity.kind} of apiVersion ${entity.apiVersion} is not one of SLO, SLI, AlertPolicy, AlertCondition, AlertNotificationTarget, DataSource, Service (${OPENSLO_API_VERSION}), Runbook, BackupPolicy, CompositeSLO (unyo.dev/v1alpha1)`,
  };
}
