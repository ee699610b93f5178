/**
 * English messages of the health panels, nested under `health` in
 * `opsDashboardTranslationRef`.
 */
export const healthMessages = {
  cardTitle: 'Health',
  systemCardTitle: 'Health of the components',
  empty:
    'No health endpoint declared: add the annotation unyo.dev/health-url (comma separated URLs).',
  systemEmpty:
    'No component of this system declares a health endpoint (unyo.dev/health-url).',
  loadError: 'Health could not be loaded: {{message}}',
  state: {
    up: 'Up',
    degraded: 'Degraded',
    down: 'Down',
    unknown: 'Unknown',
  },
  endpoints: 'Health endpoints',
  checks: 'Dependencies of {{url}}',
  latency: '{{value}} ms',
  for: 'for {{duration}}',
  checked: 'checked {{ago}}',
  uptime: 'Uptime 24 h {{day}} · 7 d {{week}}',
  noUptime: 'no uptime yet',
  strip:
    'Last 24 hours of {{url}}: {{up}} up, {{degraded}} degraded, {{down}} down, {{none}} without data',
  stripBucket: '{{time}}: {{state}}',
  stripNoData: '{{time}}: no data',
  component: 'Component',
  componentSummary: '{{n}} endpoints',
  componentLoadError: 'not loaded: {{message}}',
  certificate: {
    title: 'Certificate of {{url}}',
    summary: 'Certificate {{state}}: {{days}}',
    state: { ok: 'OK', warning: 'warning', critical: 'critical' },
    daysLeft: '{{days}} days left',
    expiredAgo: 'expired {{days}} days ago',
    expires: 'Expires',
    issuer: 'Issuer',
    names: 'Names',
    name: 'Name check',
    nameMatches: 'valid for this host',
    nameMismatch: 'name mismatch: not valid for this host',
    chain: 'Chain',
    chainVerified: 'verified',
    chainNotVerified: 'not verified ({{error}})',
  },
} as const;
