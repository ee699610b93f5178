export { AwsBackupReader } from './AwsBackupReader';
