/**
 * Japanese messages of the runbooks plugin (flat keys of
 * `runbooksTranslationRef`; the compiler checks that none is missing).
 */
const ja = {
  'severity.label': '重大度',
  'stepsCard.title': 'Runbook',
  'stepsCard.owner': 'オーナー',
  'stepsCard.appliesTo': '適用対象',
  'stepsCard.alerts': '対応するアラート',
  'stepsCard.noAlerts': 'この Runbook にリンクするアラートはありません。',
  'stepsCard.steps': '手順',
  'stepsCard.noSteps': 'この Runbook には手順がありません。',
  'stepsCard.language': '言語: {{language}}',
  'stepsCard.action': 'アクション: {{title}} ({{type}})',
  'stepsCard.actionMissing':
    'アクション {{id}} は spec.actions に定義されていません。',
  'stepsCard.actionNote':
    '下のアクション一覧を参照してください。ポータルからの実行は ops バックエンドとともに提供します。',
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
  'actionsCard.executionLater':
    'ポータルからのアクション実行は、ops バックエンドの実行 API とともに Unyo の今後のバージョンで提供します。それまでは手順に従って手動で対応してください。',
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
  'rawSpecCard.title': '仕様 (spec)',
  'rawSpecCard.subheader': '{{ref}} の spec (YAML)',
  'rawSpecCard.empty': 'このエンティティには spec がありません。',
} as const;

export default ja;
