/**
 * The Unyo operations backend plugin: SLO evaluation, alerts, health, backup
 * status and runbook actions under `/api/ops`.
 *
 * @packageDocumentation
 */

export { opsPlugin as default } from './plugin';
