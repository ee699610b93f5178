/**
 * Unyo ops dashboard: SLO, SLI and BackupPolicy entity pages, the
 * "Operations" entity tab and the SLO overview card.
 *
 * This entry point is the old frontend system's API; the new frontend system
 * plugin is the default export of `@unyo/plugin-ops-dashboard/alpha`.
 *
 * @packageDocumentation
 */
export {
  opsDashboardPlugin,
  EntityOpsContent,
  EntitySloCard,
  EntityJourneysCard,
  EntitySloSummaryCard,
  EntitySloStatusCard,
  EntityOpsRelationsCard,
  EntityRawSpecCard,
  EntityAlertsCard,
  EntityHealthCard,
  EntityOpsSummaryCard,
  EntitySystemHealthCard,
  EntityBackupsCard,
  EntityBackupCoverageCard,
  SloReportPage,
  SloPreviewPage,
  EntitySloReportContent,
} from './plugin';
export {
  isSloEntity,
  isOpsKindEntity,
  hasSlos,
  hasJourneys,
  hasOpsRelations,
} from './lib/predicates';
export { isBackupRelevantEntity } from './lib/backups';
export { opsApiRef, OpsClient, OpsApiError } from './api';
export type {
  CreateSloCorrectionRequest,
  OpsApi,
  OpsStatus,
  OpsSourceStatus,
  SloReportQuery,
} from './api';
export type { EntitySloStatusCardProps } from './components/slo/EntitySloStatusCard';
export {
  opsDashboardTranslationRef,
  opsDashboardTranslations,
} from './translation';
