export type {
  BackupState,
  BackupStatus,
  BackupsResponse,
  BackupReport,
  BackupCoverage,
} from './types';
