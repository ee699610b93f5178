export { registerOpsActions } from './registerOpsActions';
export type { OpsActionServices, OpsActionsRegistration } from './types';
