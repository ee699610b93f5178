import type { OpsJsonObject, OpsJsonValue } from '../kinds/json';
import type { RunbookSeverity } from '../kinds/RunbookEntity';

/**
 * The Backstage signals channel on which the ops backend publishes every
 * change of an execution to the user who started it; the message is
 * `{ execution }`. Without signals, clients poll `GET /executions/{id}`.
 *
 * @public
 */
export const RUNBOOK_EXECUTIONS_SIGNAL_CHANNEL = 'ops:runbook-executions';

/**
 * Where an execution stands. `rejected`: refused before anything was sent
 * (permission, confirmation, parameters, allow list).
 *
 * @public
 */
export type ExecutionStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'rejected';

/**
 * What an action produced, kept with its execution. `summary` is one line for
 * lists; the other fields depend on the action type.
 *
 * @public
 */
export interface ExecutionOutput {
  summary: string;
  /** http: the answer's status code and (truncated) body. */
  httpStatus?: number;
  body?: OpsJsonValue;
  /** http: a run id the target returned (Rundeck, AWX, Jenkins ...), and where to poll it. */
  runId?: string;
  runUrl?: string;
  /** prometheus-query: the query as run (placeholders filled), the value found, the expectation, and whether it held. */
  query?: string;
  value?: number | null;
  expectation?: string;
  passed?: boolean;
  /** health-check: one entry per probed URL, as `GET /health` reports it. */
  health?: Array<{
    url: string;
    status: string;
    latencyMs: number | null;
    checks: Array<{ name: string; status: string; detail?: string }>;
    message?: string;
  }>;
  /** alertmanager-silence: the silences created. */
  silenceIds?: string[];
  /** Why it failed or was rejected. */
  error?: string;
}

/**
 * One run of a runbook action: the audit trail (`GET /api/ops/executions`).
 * Contract fields as docs/api.md lists them; the rest are additions.
 *
 * @public
 */
export interface Execution {
  id: string;
  /** e.g. `runbook:default/mairust-queue-backlog`. */
  runbookRef: string;
  actionId: string;
  /** The entity the action ran for (the service page it was started from), if any. */
  entityRef?: string;
  /** Entity ref of the user (or service) who started it. */
  actor: string;
  parameters: OpsJsonObject;
  status: ExecutionStatus;
  output: ExecutionOutput | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; null while pending or running. */
  finishedAt: string | null;
  idempotencyKey?: string;
}

/**
 * Body of `POST /api/ops/runbooks/{namespace}/{name}/actions/{actionId}/executions`.
 *
 * @public
 */
export interface CreateExecutionRequest {
  parameters?: OpsJsonObject;
  /** The same key twice runs once: the second call answers the first execution. */
  idempotencyKey?: string;
  /** Required for destructive actions: the runbook's `metadata.name`, typed. */
  confirmation?: string;
  /** The entity the action runs for (health-check, alertmanager-silence need it when the runbook applies to several). */
  entityRef?: string;
}

/**
 * One runbook in the answer of `GET /api/ops/runbooks?entityRef=R`.
 *
 * @public
 */
export interface RunbookSummary {
  ref: string;
  title: string;
  severity?: RunbookSeverity;
  owner: string;
  appliesTo: string[];
  alerts: string[];
  /** Names of R's alerts firing now that this runbook answers; listed first when non-empty. */
  firingAlerts: string[];
  actions: Array<{
    id: string;
    title: string;
    type: string;
    destructive: boolean;
  }>;
  /** Whether the caller may execute this runbook's actions (ops.runbook.execute). */
  canExecute: boolean;
}

/** @public */
export interface RunbooksResponse {
  items: RunbookSummary[];
}
