export type {
  ActionContext,
  ActionResult,
  ActionRunner,
  RunAction,
} from './types';
export { requireEntityRef } from './types';
