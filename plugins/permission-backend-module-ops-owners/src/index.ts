/**
 * An owner-only permission policy for Unyo's operations: runbook actions run
 * by the runbook's owners, silences created by the silenced entity's owners,
 * everything else allowed.
 *
 * @packageDocumentation
 */

export { permissionModuleOpsOwners as default } from './module';
export { OpsOwnersPolicy } from './OpsOwnersPolicy';
