/**
 * English messages of the change markers on the SLO charts, nested under
 * `changes` in `opsDashboardTranslationRef`.
 */
export const changesMessages = {
  title: 'Changes',
  listLabel: 'Changes in the chart',
  kind: {
    deploy: 'Deploy',
    config: 'Config',
    flag: 'Flag',
  },
  marker: '{{kind}}: {{title}}',
  markerAt: '{{kind}} at {{time}}: {{title}}',
  by: 'by {{who}}',
  inWindow: 'Changes in the last {{window}} ({{total}}): {{titles}}',
} as const;
