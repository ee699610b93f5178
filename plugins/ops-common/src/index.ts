/**
 * Common types, constants, permissions and entity kinds (JSON schemas,
 * validation) of the Unyo ops plugins. Isomorphic: used by the backend, the
 * catalog module and the frontends alike.
 *
 * @packageDocumentation
 */

export * from './kinds';
export * from './schema';
export * from './validation';
export * from './permissions';
export * from './slo';
export * from './health';
export * from './alerts';
export * from './promql';
export * from './runbooks';
export * from './backups';
export * from './rules';
export * from './changes';
