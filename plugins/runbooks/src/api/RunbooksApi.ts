import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  CreateExecutionRequest,
  Execution,
  RunbookSummary,
} from '@unyo/plugin-ops-common';

/**
 * What the ops backend reports about runbook action targets
 * (from `GET /api/ops/status`).
 *
 * @public
 */
export interface RunbookTargetsStatus {
  configured: boolean;
  /** `ops.runbooks.targets` */
  configKey: string;
  /** Names of the configured targets, e.g. `automation`. */
  targets: string[];
}

/**
 * Client of the runbook parts of the Unyo ops backend (`/api/ops`).
 *
 * @public
 */
export interface RunbooksApi {
  getTargetsStatus(): Promise<RunbookTargetsStatus>;
  /** The runbooks of an entity, those answering its firing alerts first. */
  getRunbooks(entityRef: string): Promise<{ items: RunbookSummary[] }>;
  /** Starts an action of a runbook (`runbook:namespace/name`). */
  createExecution(
    runbookRef: string,
    actionId: string,
    request: CreateExecutionRequest,
  ): Promise<Execution>;
  /** The executions of a runbook, newest first. */
  getExecutions(runbookRef: string): Promise<{ items: Execution[] }>;
  getExecution(id: string): Promise<Execution>;
}

/**
 * The API reference of {@link RunbooksApi}.
 *
 * @public
 */
export const runbooksApiRef = createApiRef<RunbooksApi>({
  id: 'plugin.runbooks.ops',
});
