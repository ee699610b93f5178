/**
 * Node library of Unyo's ops backend: extension points through which backend
 * modules add backup source types, runbook action types and SLO metric
 * source types, and the types those modules implement.
 *
 * @packageDocumentation
 */

export * from './backups';
export * from './runbooks';
export * from './metrics';
export * from './extensions';
