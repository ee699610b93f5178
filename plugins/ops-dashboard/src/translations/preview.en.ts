/**
 * English messages of the SLO preview page, nested under `preview` in
 * `opsDashboardTranslationRef`.
 */
export const previewMessages = {
  title: 'SLO preview',
  subtitle:
    'Paste a draft SLO and see the status it would have before merging it',
  draftLabel: 'Draft SLO (YAML or JSON)',
  draftHelp:
    'One OpenSLO SLO document with its SLI inline (spec.indicator). It is evaluated now against Prometheus as the catalog SLO would be; nothing is stored.',
  button: 'Preview',
  running: 'Evaluating the draft against Prometheus…',
  refused: 'The draft was refused: {{message}}',
  resultTitle: 'What the SLO page would show',
  notice:
    'A preview: {{title}} is not in the catalog. The burn-down has one point per past midnight (UTC) of the window, computed from Prometheus now.',
} as const;
