/** Japanese messages of the health panels: flat keys `health.*` of `opsDashboardTranslationRef`. */
export const healthJa = {
  'health.cardTitle': 'ヘルス',
  'health.systemCardTitle': 'コンポーネントのヘルス',
  'health.empty':
    'ヘルスエンドポイントが宣言されていません: アノテーション unyo.dev/health-url (カンマ区切りの URL) を追加してください。',
  'health.systemEmpty':
    'このシステムのコンポーネントはヘルスエンドポイント (unyo.dev/health-url) を宣言していません。',
  'health.loadError': 'ヘルスを読み込めませんでした: {{message}}',
  'health.state.up': '正常',
  'health.state.degraded': '低下',
  'health.state.down': '停止',
  'health.state.unknown': '不明',
  'health.endpoints': 'ヘルスエンドポイント',
  'health.checks': '{{url}} の依存先',
  'health.latency': '{{value}} ms',
  'health.for': '{{duration}}継続',
  'health.checked': '{{ago}}に確認',
  'health.uptime': '稼働率 24 時間 {{day}} · 7 日 {{week}}',
  'health.noUptime': '稼働率はまだありません',
  'health.strip':
    '{{url}} の過去 24 時間: 正常 {{up}}、低下 {{degraded}}、停止 {{down}}、データなし {{none}}',
  'health.stripBucket': '{{time}}: {{state}}',
  'health.stripNoData': '{{time}}: データなし',
  'health.component': 'コンポーネント',
  'health.componentSummary': '{{n}} 個のエンドポイント',
  'health.componentLoadError': '読み込めません: {{message}}',
};
