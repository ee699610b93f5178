/**
 * English messages of the SLO report page, nested under `report` in
 * `opsDashboardTranslationRef`.
 */
export const reportMessages = {
  title: 'SLO report',
  subtitle:
    'Every SLO: attainment this month and over a year, budget left and policy',
  loadError: 'The SLO report could not be loaded: {{message}}',
  empty: 'No SLO matches these filters.',
  rowsShown: '{{shown}} of {{total}} SLOs',
  summary: {
    title: 'Summary for {{month}}',
    slos: 'SLOs',
    policyBands: 'SLOs per policy',
    services: 'Services meeting all SLOs',
    servicesValue: '{{meeting}} of {{total}}',
    mttr: 'MTTR (last {{days}} days)',
    mttrNone: 'No resolved alert',
    backupCoverage: 'Backups within RPO',
    backupCoverageValue: '{{covered}} of {{total}} targets',
    notAvailable: 'Not available',
    loadError: 'The summary could not be loaded: {{message}}',
  },
  policy: {
    none: 'No budget (no data)',
  },
  columns: {
    title: 'SLO',
    ref: 'Ref',
    entityRef: 'Service',
    owner: 'Owner',
    system: 'System',
    target: 'Target',
    attainment: 'Attainment',
    budgetRemaining: 'Budget left',
    policy: 'Policy',
    state: 'State',
    monthly: '12 months',
  },
  state: {
    ok: 'OK',
    noData: 'No data',
    error: 'Error',
  },
  group: {
    none: 'None',
    label: 'Group by',
    owner: 'Owner',
    system: 'System',
    unassigned: 'Not assigned',
  },
  filters: {
    owner: 'Owner',
    system: 'System',
    policy: 'Policy',
    any: 'All',
    search: 'Search name or title',
    month: 'Month',
    sort: 'Sort by',
    sortName: 'Name',
    sortAttainment: 'Attainment',
    sortBudget: 'Budget left',
    ascending: 'Ascending',
    descending: 'Descending',
  },
  actions: {
    csv: 'Export CSV',
    csvError: 'The CSV export failed: {{message}}',
    print: 'Print',
  },
  sparkline: {
    label: 'Attainment per month, {{from}} to {{to}}',
    noData: 'no data',
    versionChanged: 'new SLO version',
  },
  versions: {
    mark: 'Changed this month',
    detail:
      'v{{version}} from {{firstDay}} to {{lastDay}}: target {{target}}, attainment {{attainment}}',
  },
} as const;
