export { validateOpsEntity } from './validateOpsEntity';
export { formatAjvErrors } from './formatAjvErrors';
export type { OpsValidationError, OpsValidationResult } from './types';
export {
  resolveOpsEntityRef,
  getSloServiceRef,
  getOpsOwnerRef,
  getRunbookAppliesToRefs,
  getBackupPolicyProtectsRefs,
} from './entityRefs';
