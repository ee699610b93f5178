import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  ExecutionOutput,
  OpsJsonObject,
  RunbookAction,
  RunbookEntity,
} from '@unyo/plugin-ops-common';

/**
 * What an action runs with, all of it validated: the permission
 * `ops.runbook.execute` is granted, the parameters match the action's schema
 * and a destructive action was confirmed.
 *
 * @public
 */
export interface ActionContext {
  runbook: RunbookEntity;
  runbookRef: string;
  action: RunbookAction;
  /** As validated, secrets included: never stored as such. */
  parameters: OpsJsonObject;
  /** The entity it runs for: given, or the runbook's only `appliesTo`. */
  entityRef?: string;
  credentials: BackstageCredentials;
  timeoutMs: number;
}

/**
 * How a run ended; `output` is stored with the execution and shown on the page.
 *
 * @public
 */
export interface ActionResult {
  status: 'succeeded' | 'failed';
  output: ExecutionOutput;
}

/**
 * Runs the action; rejects only on a timeout or an unexpected error.
 * `progress` records what is known while it still runs (e.g. a run id).
 *
 * @public
 */
export type RunAction = (
  signal: AbortSignal,
  progress: (output: ExecutionOutput) => Promise<void>,
) => Promise<ActionResult>;

/**
 * One action type. `prepare` checks everything that can be checked before
 * anything is sent (config, allow lists, the entity) and throws a 4xx error
 * (`InputError`, `NotFoundError`, `NotAllowedError`) saying why not; such a
 * refusal is stored as a `rejected` execution. The function it returns runs
 * the action after the HTTP answer.
 *
 * @public
 */
export interface ActionRunner {
  prepare(context: ActionContext): Promise<RunAction>;
}

/**
 * The entity an action needs, or a 400 saying why there is none.
 *
 * @public
 */
export function requireEntityRef(context: ActionContext): string {
  if (!context.entityRef) {
    throw new InputError(
      `entityRef is required: ${
        context.runbookRef
      } applies to several entities (${context.runbook.spec.appliesTo.join(
        ', ',
      )})`,
    );
  }
  return context.entityRef;
}
