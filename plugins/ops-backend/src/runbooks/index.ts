export { createRunbookRoutes } from './routes';
export { setupRunbooks } from './setupRunbooks';
export type { RunbookService } from './RunbookService';
export { DefaultRunbookService } from './DefaultRunbookService';
export { DatabaseExecutionStore } from './DatabaseExecutionStore';
export type { ExecutionStore } from './ExecutionStore';
