import Ajv from 'ajv';
import { IANAZone } from 'luxon';
import type { BackupPolicyEntity } from '../kinds/BackupPolicyEntity';
import type { OpsEntity } from '../kinds/OpsEntity';
import { isAlertPolicyEntity } from '../kinds/AlertingEntities';
import type { AlertPolicyEntity } from '../kinds/AlertingEntities';
import { isBackupPolicyEntity } from '../kinds/BackupPolicyEntity';
import { isCompositeSloEntity } from '../kinds/CompositeSloEntity';
import type { CompositeSloEntity } from '../kinds/CompositeSloEntity';
import { isRunbookEntity } from '../kinds/RunbookEntity';
import type { RunbookEntity } from '../kinds/RunbookEntity';
import { isSloEntity } from '../kinds/SloEntity';
import type { SloEntity } from '../kinds/SloEntity';
import { getAlertingRefs } from './alertingRefs';
import { resolveOpsEntityRef } from './entityRefs';
import type { OpsValidationError } from './types';

/**
 * Rules a JSON schema cannot express: cross-references inside a document,
 * uniqueness of ids, entity refs, time zones. Runs on schema-valid documents
 * only, so it can rely on their shape.
 */
export function checkSemantics(entity: OpsEntity): OpsValidationError[] {
  if (isSloEntity(entity)) {
    return checkSlo(entity);
  }
  if (isRunbookEntity(entity)) {
    return checkRunbook(entity);
  }
  if (isBackupPolicyEntity(entity)) {
    return checkBackupPolicy(entity);
  }
  if (isAlertPolicyEntity(entity)) {
    return checkAlertingRefs(entity);
  }
  if (isCompositeSloEntity(entity)) {
    return checkCompositeSlo(entity);
  }
  return [];
}

function checkSlo(slo: SloEntity): OpsValidationError[] {
  const errors = [
    ...checkRef(slo, 'spec.service', slo.spec.service, 'component'),
    ...checkAlertingRefs(slo),
  ];
  slo.spec.timeWindow?.forEach((window, i) => {
    if (window.calendar) {
      errors.push(
        ...checkTimeZone(
          `spec.timeWindow[${i}].calendar.timeZone`,
          window.calendar.timeZone,
        ),
      );
    }
  });
  return errors;
}

// A name the catalog cannot read as a reference is refused where it is
// written, not when the relation is emitted.
function checkAlertingRefs(
  entity: SloEntity | AlertPolicyEntity,
): OpsValidationError[] {
  return getAlertingRefs(entity).flatMap(({ path, ref, defaultKind }) =>
    checkRef(entity, path, ref, defaultKind),
  );
}

function checkRunbook(runbook: RunbookEntity): OpsValidationError[] {
  const { spec } = runbook;
  const errors = [
    ...checkRef(runbook, 'spec.owner', spec.owner, 'group'),
    ...spec.appliesTo.flatMap((ref, i) =>
      checkRef(runbook, `spec.appliesTo[${i}]`, ref, 'component'),
    ),
  ];

  const actions = spec.actions ?? [];
  const firstIndexById = new Map<string, number>();
  actions.forEach((action, i) => {
    const first = firstIndexById.get(action.id);
    if (first === undefined) {
      firstIndexById.set(action.id, i);
    } else {
      errors.push({
        path: `spec.actions[${i}].id`,
        message: `spec.actions[${i}].id "${action.id}" is already used by spec.actions[${first}]`,
      });
    }
    if (action.parameters) {
      errors.push(
        ...checkParameterSchema(
          `spec.actions[${i}].parameters`,
          action.parameters,
        ),
      );
    }
  });

  spec.steps.forEach((step, i) => {
    if (step.action !== undefined && !firstIndexById.has(step.action)) {
      errors.push({
        path: `spec.steps[${i}].action`,
        message: `spec.steps[${i}].action "${step.action}" names no action in spec.actions`,
      });
    }
  });
  return errors;
}

function checkBackupPolicy(policy: BackupPolicyEntity): OpsValidationError[] {
  const { spec } = policy;
  const errors = [
    ...checkRef(policy, 'spec.owner', spec.owner, 'group'),
    ...spec.protects.flatMap((ref, i) =>
      checkRef(policy, `spec.protects[${i}]`, ref, 'component'),
    ),
  ];
  const firstIndexByName = new Map<string, number>();
  spec.targets.forEach((target, i) => {
    const first = firstIndexByName.get(target.name);
    if (first === undefined) {
      firstIndexByName.set(target.name, i);
    } else {
      errors.push({
        path: `spec.targets[${i}].name`,
        message: `spec.targets[${i}].name "${target.name}" is already used by spec.targets[${first}]`,
      });
    }
    if (
      target.schedule &&
      'timezone' in target.schedule &&
      target.schedule.timezone
    ) {
      errors.push(
        ...checkTimeZone(
          `spec.targets[${i}].schedule.timezone`,
          target.schedule.timezone,
        ),
      );
    }
  });
  return errors;
}

function checkCompositeSlo(
  composite: CompositeSloEntity,
): OpsValidationError[] {
  const { spec } = composite;
  const errors = checkRef(composite, 'spec.owner', spec.owner, 'group');
  if ((spec.system === undefined) === (spec.service === undefined)) {
    errors.push({
      path: 'spec.system',
      message:
        'spec.system or spec.service must name what the journey belongs to (exactly one of them)',
    });
  } else if (spec.system !== undefined) {
    errors.push(...checkRef(composite, 'spec.system', spec.system, 'system'));
  } else {
    errors.push(
      ...checkRef(composite, 'spec.service', spec.service!, 'component'),
    );
  }
  if (spec.timeWindow?.calendar) {
    errors.push(
      ...checkTimeZone(
        'spec.timeWindow.calendar.timeZone',
        spec.timeWindow.calendar.timeZone,
      ),
    );
  }
  // The same SLO twice would silently double its weight.
  const firstIndexByRef = new Map<string, number>();
  spec.components.forEach((component, i) => {
    const path = `spec.components[${i}].slo`;
    const refErrors = checkRef(composite, path, component.slo, 'slo');
    errors.push(...refErrors);
    if (refErrors.length) return;
    const ref = resolveOpsEntityRef(composite, component.slo, 'slo');
    if (!ref.startsWith('slo:')) {
      errors.push({
        path,
        message: `${path} "${component.slo}" must name an SLO, not a ${
          ref.split(':')[0]
        }`,
      });
      return;
    }
    const first = firstIndexByRef.get(ref);
    if (first === undefined) firstIndexByRef.set(ref, i);
    else
      errors.push({
        path,
        message: `${path} "${component.slo}" is already spec.components[${first}]`,
      });
  });
  return errors;
}

function checkRef(
  entity: OpsEntity,
  path: string,
  ref: string,
  defaultKind: string,
): OpsValidationError[] {
  try {
    resolveOpsEntityRef(entity, ref, defaultKind);
    return [];
  } catch {
    return [
      { path, message: `${path} "${ref}" is not a valid entity reference` },
    ];
  }
}

function checkTimeZone(path: string, zone: string): OpsValidationError[] {
  return IANAZone.isValidZone(zone)
    ? []
    : [{ path, message: `${path} "${zone}" is not an IANA time zone` }];
}

function checkParameterSchema(
  path: string,
  schema: object,
): OpsValidationError[] {
  const checker = parameterSchemaChecker();
  if (checker.validateSchema(schema)) {
    return [];
  }
  // The first problem is enough to find the mistake; the rest repeat it.
  const first = checker.errors?.[0];
  const where = first?.instancePath ? ` at ${first.instancePath.slice(1)}` : '';
  return [
    {
      path,
      message: `${path} must be a JSON schema${where}: ${
        first?.message ?? 'invalid'
      }`,
    },
  ];
}

// Only used to check that parameter schemas are schemas; built on first use.
let schemaChecker: Ajv | undefined;
function parameterSchemaChecker(): Ajv {
  schemaChecker ??= new Ajv({ allErrors: true });
  return schemaChecker;
}
