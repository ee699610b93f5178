export { BackupStateChip, useBackupStateLabel } from './BackupStateChip';
