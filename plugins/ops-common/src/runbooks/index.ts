export { RUNBOOK_EXECUTIONS_SIGNAL_CHANNEL } from './types';
export type {
  Execution,
  ExecutionOutput,
  ExecutionStatus,
  CreateExecutionRequest,
  RunbookSummary,
  RunbooksResponse,
} from './types';
