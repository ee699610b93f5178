/**
 * The catalog module of Unyo: the SLO, SLI, Runbook and BackupPolicy kinds,
 * their validation and their relations.
 *
 * @packageDocumentation
 */

export { catalogModuleOps as default } from './module';
export { OpsEntitiesProcessor } from './processor/OpsEntitiesProcessor';
export type { OpsEntitiesProcessorOptions } from './processor/OpsEntitiesProcessor';
