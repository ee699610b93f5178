export { isOpenSloDocument, validateOpsEntity } from './validateOpsEntity';
export { formatAjvErrors } from './formatAjvErrors';
export { parseSloDraft } from './parseSloDraft';
export type { SloDraftResult } from './parseSloDraft';
export type { OpsValidationError, OpsValidationResult } from './types';
export { getAlertingRefs } from './alertingRefs';
export type { OpsAlertingRef } from './alertingRefs';
export {
  resolveOpsEntityRef,
  getSloServiceRef,
  getOpsOwnerRef,
  getRunbookAppliesToRefs,
  getBackupPolicyProtectsRefs,
  getCompositeSloScopeRef,
  getCompositeSloComponentRefs,
} from './entityRefs';
