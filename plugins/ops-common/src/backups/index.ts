export type {
  BackupState,
  BackupStatus,
  BackupsResponse,
  BackupReport,
  BackupCoverage,
} from './types';
export { parseBackupDuration } from './duration';
export {
  countCronFires,
  cronFireTimes,
  nextFireTime,
  previousFireTime,
  scheduleIntervalSeconds,
} from './schedule';
export { RESTORE_TEST_TARGET } from './backupRun';
export type {
  BackupObservation,
  BackupPolicyFacts,
  BackupRun,
} from './backupRun';
export { backupGraceSeconds } from './backupGrace';
export {
  evaluateBackupTarget,
  type EvaluateBackupTargetInput,
} from './evaluateBackupTarget';
export { evaluateRestoreTest, lastRestoreTestOf } from './restoreTest';
export { expectedRetention, foundRetention } from './retention';
export { worstBackupState } from './worstBackupState';
export {
  DATA_COMPONENT_TYPES,
  DATA_RESOURCE_TYPES,
  holdsData,
} from './holdsData';
