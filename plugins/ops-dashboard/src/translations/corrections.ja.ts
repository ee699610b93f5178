/** Japanese messages of SLO corrections: flat keys `corrections.*` of `opsDashboardTranslationRef`. */
export const correctionsJa = {
  'corrections.title': 'エラーバジェットの補正',
  'corrections.empty':
    '補正はありません: ウィンドウのすべての時間が計算に入ります。',
  'corrections.help':
    '補正は、計画メンテナンスと同じように、その期間を good と total から除外します。次の評価ラウンドから反映されます。',
  'corrections.loadError': '補正を読み込めませんでした: {{message}}',
  'corrections.chartLabel': '補正',
  'corrections.reportMark': 'この月に除外された補正: {{number}} 件',
  'corrections.add': '補正を追加',
  'corrections.delete': '削除',
  'corrections.deleteLabel': '{{start}} から {{end}} までの補正を削除',
  'corrections.deleteError': '補正を削除できませんでした: {{message}}',
  'corrections.span': '{{start}} – {{end}}',
  'corrections.by': '{{user}} が追加',
  'corrections.category.maintenance': 'メンテナンス',
  'corrections.category.incident-false-positive': '誤検知のインシデント',
  'corrections.category.dependency': '依存先の障害',
  'corrections.category.other': 'その他',
  'corrections.dialog.title': 'エラーバジェットの補正を追加',
  'corrections.dialog.start': '開始',
  'corrections.dialog.end': '終了',
  'corrections.dialog.category': '分類',
  'corrections.dialog.reason': '理由',
  'corrections.dialog.reasonHelp':
    'この期間を計算に入れない理由。補正とともに保存され、監査ログに残ります。',
  'corrections.dialog.cancel': 'キャンセル',
  'corrections.dialog.submit': '追加',
  'corrections.dialog.error': '補正を追加できませんでした: {{message}}',
};
