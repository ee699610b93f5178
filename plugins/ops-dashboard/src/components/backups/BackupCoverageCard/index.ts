export {
  BackupCoverageContent,
  EntityBackupCoverageCard,
} from './BackupCoverageCard';
