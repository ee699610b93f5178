export { runbooksApiRef } from './RunbooksApi';
export type { RunbooksApi, RunbookTargetsStatus } from './RunbooksApi';
export { RunbooksClient, RunbooksApiError } from './RunbooksClient';
