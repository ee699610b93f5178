export { ActionRunnerDialog } from './ActionRunnerDialog';
export type { RunbookForRunner } from './ActionRunnerDialog';
