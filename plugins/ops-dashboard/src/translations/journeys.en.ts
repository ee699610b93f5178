/**
 * English messages of the journeys card, nested under `journeysCard` in
 * `opsDashboardTranslationRef`.
 */
export const journeysMessages = {
  title: 'User journeys',
  subheader:
    'Each journey’s SLI is the weighted mean of its SLOs’ SLIs over its window',
  empty: 'No journey (CompositeSLO) belongs to this entity.',
  journey: 'Journey',
  budgetLeft: 'Budget left',
  policy: 'Policy',
  noData: 'No data in the window',
  systemBudget: 'System budget',
  systemBudgetHow:
    'The budget left of the worst journey ({{journey}}): a system is as reliable as its least reliable journey.',
} as const;
