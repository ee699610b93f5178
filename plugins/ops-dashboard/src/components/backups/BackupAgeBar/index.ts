export { BackupAgeBar } from './BackupAgeBar';
