/** Japanese messages of the operations summary card (flat keys). */
export const summaryJa = {
  'summary.title': '運用サマリー',
  'summary.slos': 'SLO エラーバジェット',
  'summary.alerts': '発火中のアラート',
  'summary.health': 'ヘルス',
  'summary.backups': 'バックアップ',
  'summary.noSlos': 'このエンティティを測る SLO はありません。',
  'summary.noAlerts': '発火中なし',
  'summary.firing': '{{n}} 件発火中',
  'summary.healthEndpoints': '監視中のエンドポイント: {{n}}',
  'summary.backupTargets': 'バックアップ対象: {{n}}',
  'summary.noBackups':
    'このエンティティを保護するバックアップポリシーはありません。',
  'summary.loadError': '読み込めませんでした: {{message}}',
} as const;
