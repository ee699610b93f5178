/**
 * The scaffolder module of Unyo: the `ops:gate` action, which stops a
 * template when the deploy gate denies.
 *
 * @packageDocumentation
 */

export { scaffolderModuleOps as default } from './module';
export { createOpsGateAction } from './actions/gate';
