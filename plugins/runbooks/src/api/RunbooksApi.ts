import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  CreateExecutionRequest,
  Execution,
  ExecutionStatus,
  RunbookSummary,
} from '@unyo/plugin-ops-common';

/**
 * Filters and page of a runbook's execution history, applied by the backend
 * (`GET /api/ops/executions`).
 *
 * @public
 */
export interface ExecutionsQuery {
  status?: ExecutionStatus;
  /** The entity ref of the user who ran it, e.g. `user:default/alice`. */
  actor?: string;
  /** Rows per page, 1–500 (the backend's default is 50). */
  limit?: number;
  offset?: number;
}

/**
 * One page of a runbook's executions, newest first, and how many match the
 * filters over all pages.
 *
 * @public
 */
export interface ExecutionsPage {
  items: Execution[];
  totalCount: number;
}

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
  /** One page of the executions of a runbook, newest first. */
  getExecutions(
    runbookRef: string,
    query?: ExecutionsQuery,
  ): Promise<ExecutionsPage>;
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
