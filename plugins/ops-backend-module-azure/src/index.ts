/**
 * Backend module of the ops plugin for Azure: backup source type
 * `azure-cosmosdb`.
 *
 * @packageDocumentation
 */

export { opsModuleAzure as default } from './module';
