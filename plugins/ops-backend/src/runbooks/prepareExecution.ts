import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CreateExecutionRequest,
  OpsJsonObject,
  RunbookAction,
  RunbookEntity,
  getRunbookAppliesToRefs,
  opsRunbookExecutePermission,
} from '@unyo/plugin-ops-common';
import { ActionRunner, RunAction } from '@unyo/plugin-ops-node';
import { validateParameters } from './parameters';

/** `timeoutSeconds`: the default, and the most an action may take. */
export const TIMEOUT_SECONDS = { default: 30, max: 300 } as const;

/** What runs, once every check passed. */
export interface PreparedExecution {
  run: RunAction;
  entityRef?: string;
  parameters: OpsJsonObject;
  timeoutMs: number;
}

export interface PrepareOptions {
  permissions: PermissionsService;
  /** The core's action types and those modules added. */
  runners: ReadonlyMap<string, ActionRunner>;
  /** Why a core action type has no runner, e.g. the missing config key. */
  unavailable?: Record<string, string>;
}

function runnerFor(options: PrepareOptions, action: RunbookAction) {
  const runner = options.runners.get(action.type);
  if (!runner) {
    const why =
      options.unavailable?.[action.type] ??
      'no installed module provides this action type (docs/custom-module.md)';
    throw new InputError(`${action.type} actions cannot run here: ${why}`);
  }
  return runner;
}

/** The entity given (one the runbook applies to), or its only one. */
function entityRefFor(
  runbook: RunbookEntity,
  runbookRef: string,
  given: string | undefined,
): string | undefined {
  const appliesTo = getRunbookAppliesToRefs(runbook);
  if (given === undefined) {
    return appliesTo.length === 1 ? appliesTo[0] : undefined;
  }
  const found = appliesTo.find(
    r => r.toLocaleLowerCase('en-US') === given.toLocaleLowerCase('en-US'),
  );
  if (!found) {
    throw new InputError(
      `entityRef ${given} is not an entity ${runbookRef} applies to (${appliesTo.join(
        ', ',
      )})`,
    );
  }
  return found;
}

/**
 * Every check before an action runs: the permission, the typed confirmation
 * of a destructive action, the parameters, the entity, then the runner's own
 * (config, allow lists). Throws a 4xx error saying why not.
 */
export async function prepareExecution(
  options: PrepareOptions,
  context: {
    runbook: RunbookEntity;
    runbookRef: string;
    action: RunbookAction;
    index: number;
    request: CreateExecutionRequest;
    credentials: BackstageCredentials;
    /** Told the parameters once valid, before the later checks (for the audit of a refusal). */
    validated(parameters: OpsJsonObject): void;
  },
): Promise<PreparedExecution> {
  const { runbook, runbookRef, action, index, request, credentials } = context;
  const [decision] = await options.permissions.authorize(
    [{ permission: opsRunbookExecutePermission, resourceRef: runbookRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to execute ${runbookRef} (permission ops.runbook.execute)`,
    );
  }
  if (action.destructive && request.confirmation !== runbook.metadata.name) {
    throw new InputError(
      `confirmation must be the runbook's name "${runbook.metadata.name}", typed: action ${action.id} is destructive`,
    );
  }
  const parameters = validateParameters(
    action.parameters,
    request.parameters,
    `spec.actions[${index}].parameters`,
  );
  context.validated(parameters);
  const entityRef = entityRefFor(runbook, runbookRef, request.entityRef);
  const timeoutSeconds = Math.min(
    action.timeoutSeconds ?? TIMEOUT_SECONDS.default,
    TIMEOUT_SECONDS.max,
  );
  const timeoutMs = timeoutSeconds * 1000;
  const run = await runnerFor(options, action).prepare({
    runbook,
    runbookRef,
    action,
    parameters,
    entityRef,
    credentials,
    timeoutMs,
  });
  return { run, entityRef, parameters, timeoutMs };
}
