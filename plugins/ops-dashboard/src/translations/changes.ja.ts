/** Japanese messages of the change markers: flat keys `changes.*` of `opsDashboardTranslationRef`. */
export const changesJa = {
  'changes.title': '変更',
  'changes.listLabel': 'グラフ内の変更',
  'changes.kind.deploy': 'デプロイ',
  'changes.kind.config': '設定',
  'changes.kind.flag': 'フラグ',
  'changes.marker': '{{kind}}: {{title}}',
  'changes.markerAt': '{{time}} の{{kind}}: {{title}}',
  'changes.by': '実施: {{who}}',
  'changes.inWindow': '直近 {{window}} の変更 ({{total}} 件): {{titles}}',
} as const;
