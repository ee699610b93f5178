import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Entity } from '@backstage/catalog-model';
import { isBackupPolicyEntity } from '../kinds/BackupPolicyEntity';
import { isOpsEntity } from '../kinds/OpsEntity';
import { isRunbookEntity } from '../kinds/RunbookEntity';
import { isSliEntity, isSloEntity } from '../kinds/SloEntity';
import {
  backupPolicyV1alpha1Schema,
  runbookV1alpha1Schema,
  sliV1Schema,
  sloV1Schema,
} from '../schema';
import { checkSemantics } from './checkSemantics';
import { formatAjvErrors } from './formatAjvErrors';
import type { OpsValidationResult } from './types';

type Validators = {
  slo: ValidateFunction;
  sli: ValidateFunction;
  runbook: ValidateFunction;
  backupPolicy: ValidateFunction;
};

// Compiled on first use: frontends import this package for its types and
// constants and should not pay for schema compilation they never need.
let validators: Validators | undefined;

function getValidators(): Validators {
  if (!validators) {
    const ajv = new Ajv({
      allErrors: true,
      // keeps the failing schema and data on each error, for the messages
      verbose: true,
      // timeSliceWindow is a number of seconds or a duration string
      allowUnionTypes: true,
      schemas: [
        sliV1Schema,
        sloV1Schema,
        runbookV1alpha1Schema,
        backupPolicyV1alpha1Schema,
      ],
    });
    addFormats(ajv, ['regex']);
    const get = (schema: { $id?: unknown }) =>
      ajv.getSchema(String(schema.$id)) as ValidateFunction;
    validators = {
      slo: get(sloV1Schema),
      sli: get(sliV1Schema),
      runbook: get(runbookV1alpha1Schema),
      backupPolicy: get(backupPolicyV1alpha1Schema),
    };
  }
  return validators;
}

function validatorFor(entity: Entity): ValidateFunction | undefined {
  const v = getValidators();
  if (isSloEntity(entity)) return v.slo;
  if (isSliEntity(entity)) return v.sli;
  if (isRunbookEntity(entity)) return v.runbook;
  if (isBackupPolicyEntity(entity)) return v.backupPolicy;
  return undefined;
}

/**
 * Validates an SLO, SLI, Runbook or BackupPolicy document: its apiVersion,
 * kind and spec against the kind's JSON schema, then the rules a schema
 * cannot express (a step's action must exist, ids unique, entity refs and
 * time zones valid). The envelope (metadata) is the catalog's to validate.
 *
 * @public
 */
export function validateOpsEntity(entity: Entity): OpsValidationResult {
  const validate = validatorFor(entity);
  if (!validate || !isOpsEntity(entity)) {
    return {
      valid: false,
      errors: [
        {
          path: 'kind',
          message: `kind ${entity.kind} of apiVersion ${entity.apiVersion} is not one of SLO, SLI (openslo/v1), Runbook, BackupPolicy (unyo.dev/v1alpha1)`,
        },
      ],
    };
  }
  if (!validate(entity)) {
    return { valid: false, errors: formatAjvErrors(validate.errors) };
  }
  const errors = checkSemantics(entity);
  return errors.length ? { valid: false, errors } : { valid: true };
}
