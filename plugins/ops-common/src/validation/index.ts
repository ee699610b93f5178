export { validateOpsEntity } from './validateOpsEntity';
export type { OpsValidationError, OpsValidationResult } from './types';
export {
  resolveOpsEntityRef,
  getSloServiceRef,
  getOpsOwnerRef,
  getRunbookAppliesToRefs,
  getBackupPolicyProtectsRefs,
} from './entityRefs';
