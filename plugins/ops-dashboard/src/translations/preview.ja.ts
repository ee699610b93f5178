/** Japanese messages of the SLO preview page: flat keys `preview.*` of `opsDashboardTranslationRef`. */
export const previewJa = {
  'preview.title': 'SLO プレビュー',
  'preview.subtitle':
    'SLO の下書きを貼り付けて、マージ前にどのような状態になるかを確認します',
  'preview.draftLabel': 'SLO の下書き (YAML または JSON)',
  'preview.draftHelp':
    'SLI をインライン (spec.indicator) で記述した OpenSLO の SLO ドキュメント 1 件。カタログの SLO と同じく Prometheus に対して今すぐ評価され、何も保存されません。',
  'preview.button': 'プレビュー',
  'preview.running': '下書きを Prometheus に対して評価しています…',
  'preview.refused': '下書きは受け付けられませんでした: {{message}}',
  'preview.resultTitle': 'SLO ページに表示される内容',
  'preview.notice':
    'プレビューです: {{title}} はカタログにありません。バーンダウンは期間内の過去の各 0 時 (UTC) の点で、今 Prometheus から計算したものです。',
};
