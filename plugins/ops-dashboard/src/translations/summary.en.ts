/**
 * English messages of the operations summary card, nested under `summary` in
 * `opsDashboardTranslationRef`.
 */
export const summaryMessages = {
  title: 'Operations summary',
  slos: 'SLO error budget',
  alerts: 'Firing alerts',
  health: 'Health',
  backups: 'Backups',
  noSlos: 'No SLO measures this entity.',
  noAlerts: 'None firing',
  firing: '{{n}} firing',
  healthEndpoints: 'Endpoints probed: {{n}}',
  backupTargets: 'Backup targets: {{n}}',
  noBackups: 'No backup policy protects this entity.',
  loadError: 'Could not be read: {{message}}',
} as const;
