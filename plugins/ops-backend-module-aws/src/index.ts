/**
 * Backend module of the ops plugin for AWS: backup source types `s3`, `rds`
 * and `aws-backup`.
 *
 * @packageDocumentation
 */

export { opsModuleAws as default } from './module';
