export { BackupPolicyTable } from './BackupPolicyTable';
