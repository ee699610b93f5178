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
export {
  RESTORE_TEST_TARGET,
  backupGraceSeconds,
  evaluateBackupTarget,
  evaluateRestoreTest,
  expectedRetention,
  foundRetention,
  lastRestoreTestOf,
  worstBackupState,
} from './evaluateBackupStatus';
export type {
  BackupObservation,
  BackupPolicyFacts,
  BackupRun,
  EvaluateBackupTargetInput,
} from './evaluateBackupStatus';
