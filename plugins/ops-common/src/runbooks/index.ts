export type {
  Execution,
  ExecutionOutput,
  ExecutionStatus,
  CreateExecutionRequest,
  RunbookSummary,
  RunbooksResponse,
} from './types';
