/**
 * English messages of grouped SLOs (`unyo.dev/group-by`), nested under
 * `sloGroups` in `opsDashboardTranslationRef`.
 */
export const sloGroupsMessages = {
  title: 'By {{labels}}: {{n}} groups, worst first',
  group: 'Group',
  sli: 'SLI',
  budgetLeft: 'Budget left',
  policy: 'Policy',
  burnRate: 'Burn rate 1h',
  noData: 'No traffic',
  showAll: 'Show all {{n}} groups',
  showFewer: 'Show the worst {{n}} only',
  omitted:
    '{{n}} more groups with more budget left are not listed (ops.slo.maxGroups).',
  error: 'The groups could not be measured this round: {{message}}',
  expand: 'Show the groups of {{slo}}',
  collapse: 'Hide the groups of {{slo}}',
  reportNote: 'Groups are shown with their current figures only.',
} as const;
