/**
 * English messages of the assumptions notice, nested under `assumptions` in
 * `opsDashboardTranslationRef`.
 */
export const assumptionsMessages = {
  title: 'Assumed, not in the manual',
  intro:
    'These values are assumptions of the example: the source document does not state them.',
  field: 'Field',
  value: 'Value',
  missing: '(not set)',
  marker: 'assumed, not in the manual',
};
