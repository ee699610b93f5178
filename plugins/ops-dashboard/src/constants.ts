/**
 * Kinds and relation types of the Unyo catalog model (docs/catalog-model.md)
 * come from `@unyo/plugin-ops-common`; kinds here are lower case, as the
 * catalog compares them.
 */
import {
  BACKUP_POLICY_KIND,
  COMPOSITE_SLO_KIND,
  RUNBOOK_KIND,
  SLI_KIND,
  SLO_KIND,
} from '@unyo/plugin-ops-common';

export {
  RELATION_HAS_JOURNEY,
  RELATION_HAS_RUNBOOK,
  RELATION_MEASURED_BY,
  RELATION_MEASURES,
  RELATION_PROTECTED_BY,
  RELATION_PROTECTS,
  RELATION_RUNBOOK_FOR,
} from '@unyo/plugin-ops-common';

export const KIND_SLO = SLO_KIND.toLocaleLowerCase('en-US');
export const KIND_SLI = SLI_KIND.toLocaleLowerCase('en-US');
export const KIND_RUNBOOK = RUNBOOK_KIND.toLocaleLowerCase('en-US');
export const KIND_BACKUP_POLICY = BACKUP_POLICY_KIND.toLocaleLowerCase('en-US');
export const KIND_COMPOSITE_SLO = COMPOSITE_SLO_KIND.toLocaleLowerCase('en-US');

/**
 * Configuration keys reported by `GET /api/ops/status` (docs/api.md); used when
 * an older backend leaves a source out of its answer.
 */
export const CONFIG_KEY_PROMETHEUS = 'ops.prometheus.servers';
export const CONFIG_KEY_ALERTMANAGER = 'ops.alertmanager.servers';
export const CONFIG_KEY_RUNBOOK_TARGETS = 'ops.runbooks.targets';
export const CONFIG_KEY_BACKUP_SOURCES = 'ops.backups.sources';
export const CONFIG_KEY_HEALTH = 'ops.health.allowedHosts';
