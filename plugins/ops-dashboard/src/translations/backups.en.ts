/**
 * English messages of the backup panels, nested under `backups` in
 * `opsDashboardTranslationRef`.
 */
export const backupsMessages = {
  cardTitle: 'Backups',
  coverageTitle: 'Backup coverage',
  loadError: 'Backup status could not be loaded: {{message}}',
  coverageLoadError: 'Backup coverage could not be loaded: {{message}}',
  empty:
    'No backup policy protects this entity. A BackupPolicy names it in spec.protects.',
  notConfigured:
    'No backup source connection is configured ({{configKey}}): targets that need one show as unknown. Pushed reports and Prometheus sources still work.',
  declaredOnly:
    'Declared in the catalog; the ops backend returned no live status for these policies:',
  state: {
    ok: 'OK',
    late: 'Late',
    breached: 'RPO breached',
    failing: 'Failing',
    unknown: 'Unknown',
  },
  column: {
    target: 'Target',
    status: 'Status',
    lastSuccess: 'Last success',
    age: 'Age / RPO',
  },
  policyFigures: 'RPO {{rpo}} · RTO {{rto}}',
  policyFiguresNoRto: 'RPO {{rpo}} · no RTO declared',
  restoreTest: 'Restore test',
  never: 'never',
  none: 'none found',
  age: '{{age}} / RPO {{rpo}}',
  ageLabel: 'Age {{age}} of RPO {{rpo}}',
  overRpo: '{{factor}} the RPO',
  ageInterval:
    '{{age}} / every {{interval}} (held to its schedule; policy RPO {{rpo}})',
  ageIntervalLabel: 'Age {{age}} of the {{interval}} schedule interval',
  overInterval: '{{factor}} the interval',
  noAge: 'no good copy',
  retention: '{{found}} / {{expected}} copies kept',
  retentionFoundOnly: '{{found}} copies kept',
  retentionUnknown: 'copies cannot be counted',
  dueIn: 'next in {{duration}}',
  overdue: 'overdue by {{duration}}',
  lastFailure: 'latest run failed {{ago}}',
  stale: 'last read {{ago}}: {{message}}',
  neverRead: 'never read: {{message}}',
  drill: 'last drill {{ago}}',
  drillFailed: 'last drill failed {{ago}}',
  drillDuration: 'took {{duration}} / RTO {{rto}}',
  drillDurationNoRto: 'took {{duration}}',
  withinRto: 'within RTO',
  overRto: 'over RTO',
  coverage: '{{covered}} of {{total}} protected',
  coverageEmpty:
    'This system has no database or bucket-like resource in the catalog.',
  unprotected: 'Unprotected',
  coverageColumn: {
    entity: 'Resource',
    type: 'Type',
    policies: 'Backup policies',
    status: 'Worst status',
  },
} as const;
