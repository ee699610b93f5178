export { runbooksApiRef } from './RunbooksApi';
export type {
  ExecutionsPage,
  ExecutionsQuery,
  RunbooksApi,
  RunbookTargetsStatus,
} from './RunbooksApi';
export { RunbooksClient, RunbooksApiError } from './RunbooksClient';
