/**
 * Japanese messages of the runbooks plugin (flat keys of
 * `runbooksTranslationRef`; the compiler checks that none is missing).
 */
import { executionJa } from './execution.ja';

const ja = {
  'severity.label': '重大度',
  'layout.orphan':
    'この Runbook は孤立しています: カタログのロケーションに見つかりません。',
  'layout.processingError': 'カタログはこの Runbook を処理できませんでした',
  'aboutCard.title': 'この Runbook について',
  'aboutCard.owner': 'オーナー',
  'aboutCard.appliesTo': '適用対象',
  'aboutCard.alerts': '対応するアラート',
  'aboutCard.noAlerts': 'この Runbook にリンクするアラートはありません。',
  'aboutCard.none': 'なし',
  'aboutCard.description': '説明',
  'aboutCard.firing': '発報中',
  'aboutCard.firingOn': 'このアラートは現在 {{entity}} で発報中です。',
  'aboutCard.firingUnknown':
    'これらのアラートが現在発報中かどうかを読み取れませんでした: {{message}}',
  'stepsCard.title': '手順',
  'stepsCard.noSteps': 'この Runbook には手順がありません。',
  'stepsCard.language': '言語: {{language}}',
  'stepsCard.action': 'アクション: {{title}} ({{type}})',
  'stepsCard.actionMissing':
    'アクション {{id}} は spec.actions に定義されていません。',
  'actionsCard.title': 'アクション',
  'actionsCard.empty': 'この Runbook にはアクションが定義されていません。',
  'actionsCard.type': '種類',
  'actionsCard.target': 'ターゲット',
  'actionsCard.request': 'リクエスト',
  'actionsCard.query': 'クエリ',
  'actionsCard.expect': '期待値',
  'actionsCard.server': 'Prometheus サーバー',
  'actionsCard.duration': 'サイレンス期間',
  'actionsCard.durationMinutes': '{{minutes}} 分',
  'actionsCard.timeout': 'タイムアウト',
  'actionsCard.timeoutSeconds': '{{seconds}} 秒',
  'actionsCard.destructive': '破壊的操作: 実行時に名前の入力による確認が必要',
  'actionsCard.parameters': 'パラメーター (JSON スキーマ)',
  'actionsCard.noParameters': 'パラメーターなし',
  'actionsCard.targetNotConfigured':
    'ターゲット {{target}} は {{configKey}} に設定されていません。',
  'actionsCard.run': '実行',
  'actionsCard.runTitle': '{{title}} を実行',
  'actionsCard.cannotExecute':
    'この Runbook のアクションを実行する権限がありません (ops.runbook.execute)。',
  'actionsCard.targetsMissing':
    'アクションのターゲットが設定されていません ({{configKey}})。http アクションの実行にはターゲットが必要です。',
  'actionsCard.targetsConfigured':
    '設定済みのアクションターゲット: {{targets}}。',
  'actionsCard.statusUnreachableTitle': 'ops バックエンドに接続できません',
  'actionsCard.statusUnreachable':
    '設定済みのアクションターゲットを確認できません。応答: {{message}}',
  'entityRunbooksCard.title': 'Runbook',
  'entityRunbooksCard.empty':
    'このエンティティに適用される Runbook はカタログにありません。',
  'entityRunbooksCard.runbook': 'Runbook',
  'entityRunbooksCard.alerts': 'アラート',
  'entityRunbooksCard.steps': '手順数',
  'entityRunbooksCard.notInCatalog': 'カタログに見つかりません',
  'entityRunbooksCard.firing': '発火中: {{alerts}}',
  'entityRunbooksCard.summaryError':
    '発火中のアラートを取得できませんでした ({{message}})。カタログの Runbook を表示しています。',
  'rawSpecCard.title': '仕様 (spec)',
  'rawSpecCard.subheader': '{{ref}} の spec (YAML)',
  'rawSpecCard.empty': 'このエンティティには spec がありません。',
  ...executionJa,
} as const;

export default ja;
