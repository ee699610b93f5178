/**
 * English messages of the error-budget corrections of an SLO, nested under
 * `corrections` in `opsDashboardTranslationRef`.
 */
export const correctionsMessages = {
  title: 'Error-budget corrections',
  empty: 'No correction: every part of the window counts.',
  help: 'A correction removes a span from good and total, as planned maintenance is. It counts from the next evaluation round.',
  loadError: 'Corrections could not be loaded: {{message}}',
  chartLabel: 'Corrected',
  reportMark: 'Corrections excluded this month: {{number}}',
  add: 'Add correction',
  delete: 'Delete',
  deleteLabel: 'Delete the correction from {{start}} to {{end}}',
  deleteError: 'The correction could not be deleted: {{message}}',
  span: '{{start}} – {{end}}',
  by: 'by {{user}}',
  category: {
    maintenance: 'Maintenance',
    'incident-false-positive': 'False-positive incident',
    dependency: 'Dependency',
    other: 'Other',
  },
  dialog: {
    title: 'Add an error-budget correction',
    start: 'Start',
    end: 'End',
    category: 'Category',
    reason: 'Reason',
    reasonHelp:
      'Why the span does not count; kept with the correction and audited.',
    cancel: 'Cancel',
    submit: 'Add',
    error: 'The correction was not added: {{message}}',
  },
} as const;
