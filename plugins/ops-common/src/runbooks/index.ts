export { RUNBOOK_EXECUTIONS_SIGNAL_CHANNEL } from './types';
export type {
  Execution,
  ExecutionOutput,
  ExecutionStatus,
  CreateExecutionRequest,
  RunbookSummary,
  RunbooksResponse,
} from './types';
export {
  PARAMETER_FORMATS,
  REDACTED,
  isSecretParameter,
  redactParameters,
} from './parameterSchema';
