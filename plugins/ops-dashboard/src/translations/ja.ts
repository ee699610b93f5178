/**
 * Japanese messages of the ops-dashboard plugin (flat keys of
 * `opsDashboardTranslationRef`; the compiler checks that none is missing).
 */
import { alertsJa } from './alerts.ja';
import { healthJa } from './health.ja';
import { backupsJa } from './backups.ja';
import { reportJa } from './report.ja';
import { assumptionsJa } from './assumptions.ja';
import { summaryJa } from './summary.ja';
import { correctionsJa } from './corrections.ja';
import { sloGroupsJa } from './groups.ja';
import { previewJa } from './preview.ja';
import { changesJa } from './changes.ja';
import { journeysJa } from './journeys.ja';

const ja = {
  'status.checking': 'ops バックエンドのデータソースを確認しています…',
  'status.unreachableTitle': 'ops バックエンドに接続できません',
  'status.unreachable':
    'ライブの状態表示には Unyo の ops バックエンド (/api/ops) が必要です。応答: {{message}}',
  'status.sloMissing':
    'SLO のライブ状態は表示できません: Prometheus サーバーが設定されていません ({{configKey}})。',
  'status.sloUnavailable':
    'SLO のライブ状態を読み込めませんでした: {{message}}。以下はカタログに宣言された SLO です。',
  'status.backupsMissing':
    'バックアップのライブ状態は表示できません: バックアップソースが設定されていません ({{configKey}})。',
  'status.alertsMissing':
    '発火中のアラートは表示されません: Alertmanager サーバーが設定されていません ({{configKey}})。',
  'units.seconds': '{{value}} 秒',
  'units.minutes': '{{value}} 分',
  'units.hours': '{{value}} 時間',
  'units.days': '{{value}} 日',
  'units.percent': '{{value}}%',
  'units.burnRate': '{{value}}×',
  'time.justNow': 'たった今',
  'time.secondsAgo': '{{value}} 秒前',
  'time.minutesAgo': '{{value}} 分前',
  'time.hoursAgo': '{{value}} 時間前',
  'time.daysAgo': '{{value}} 日前',
  'window.rolling': '直近 {{duration}} (ローリング)',
  'window.calendar': 'カレンダー単位 {{duration}}',
  'window.calendarMonth': '暦月',
  'window.calendarQuarter': '暦四半期',
  'window.calendarYear': '暦年',
  'window.calendarWeek': '暦週',
  'window.inZone': '{{window}} ({{timeZone}})',
  'window.unknown': '宣言なし',
  'window.durationUnits.m_one': '{{count}} 分',
  'window.durationUnits.m_other': '{{count}} 分',
  'window.durationUnits.h_one': '{{count}} 時間',
  'window.durationUnits.h_other': '{{count}} 時間',
  'window.durationUnits.d_one': '{{count}} 日',
  'window.durationUnits.d_other': '{{count}} 日',
  'window.durationUnits.w_one': '{{count}} 週',
  'window.durationUnits.w_other': '{{count}} 週',
  'window.durationUnits.M_one': '{{count}} か月',
  'window.durationUnits.M_other': '{{count}} か月',
  'window.durationUnits.Q_one': '{{count}} 四半期',
  'window.durationUnits.Q_other': '{{count}} 四半期',
  'window.durationUnits.Y_one': '{{count}} 年',
  'window.durationUnits.Y_other': '{{count}} 年',
  'budgeting.Occurrences': 'Occurrences: 正常イベントの割合',
  'budgeting.Timeslices': 'Timeslices: 正常なタイムスライスの割合',
  'budgeting.RatioTimeslices':
    'RatioTimeslices: タイムスライスごとの比率の平均',
  'budgeting.unknown': '宣言なし',
  'indicator.ratio': '正常イベント数 / 総イベント数',
  'indicator.ratioBad': '異常イベント数 / 総イベント数',
  'indicator.threshold': 'タイムスライスごとのしきい値',
  'indicator.unknown': '認識できない形式',
  'indicator.counter': 'カウンター',
  'indicator.source': 'ソース: {{types}}',
  'indicator.noSource': 'メトリクスソースの宣言なし',
  'indicator.sliNotFound': 'SLI {{ref}} はカタログにありません。',
  'indicator.inline': 'SLO 内に記述',
  'sloSummaryCard.title': 'サービスレベル目標 (SLO)',
  'sloSummaryCard.service': '計測対象',
  'sloSummaryCard.owner': 'オーナー (計測対象のオーナー)',
  'sloSummaryCard.ownerUnknown':
    '不明: 計測対象のエンティティにオーナーが登録されていません',
  'sloSummaryCard.description': '説明',
  'sloSummaryCard.objectives': '目標',
  'sloSummaryCard.objective': '目標名',
  'sloSummaryCard.target': '目標値',
  'sloSummaryCard.errorBudget': '期間内のエラーバジェット',
  'sloSummaryCard.timeWindow': '期間',
  'sloSummaryCard.budgetingMethod': 'バジェット算出方式',
  'sloSummaryCard.indicator': '指標 (SLI)',
  'sloSummaryCard.noObjectives': 'この SLO には目標が宣言されていません。',
  'sloSummaryCard.budgetOccurrences':
    'イベントの {{share}} まで失敗可 (全面停止なら {{duration}} で使い切ります)',
  'sloSummaryCard.budgetTimeslices': '不良タイムスライス {{duration}} まで',
  'sloSummaryCard.budgetShareOnly': 'イベントの {{share}} まで失敗可',
  'sloSummaryCard.timeSlice':
    '{{window}} ごとのスライスは {{condition}} のとき正常',
  'sloTable.slo': 'SLO',
  'sloTable.targets': '目標値',
  'sloTable.window': '期間',
  'sloTable.allowed': 'エラーバジェット',
  'sloTable.notInCatalog': 'カタログに見つかりません',
  'sloStatus.budgetLeft': 'バジェット残',
  'sloStatus.budgetLeftLabel': 'エラーバジェット残: {{value}}',
  'sloStatus.sliVsTarget': 'SLI / 目標値',
  'sloStatus.policy.normal': '通常: 機能開発を進めてよい',
  'sloStatus.policy.featureFreeze': '機能開発凍結: 信頼性の作業を優先',
  'sloStatus.policy.incidentOnly':
    'インシデント対応のみ: バジェットを消費している原因を修正',
  'sloStatus.policy.frozen': 'バジェット枯渇: 変更凍結',
  'sloStatus.policyBands':
    'ポリシー「{{name}}」: バジェット残量 {{freeze}} 以下で機能開発凍結、{{incident}} 未満でインシデント対応のみ',
  'sloStatus.burnRates': 'バーンレート',
  'sloStatus.noTraffic': 'この期間にトラフィックなし',
  'sloStatus.alertPage':
    'ページ: {{long}} と {{short}} のバーンレートが {{factor}} を超過',
  'sloStatus.alertTicket':
    'チケット: {{long}} と {{short}} のバーンレートが {{factor}} を超過',
  'sloStatus.exhaustion':
    '現在のバーンレートでは {{duration}} でバジェットを使い切ります',
  'sloStatus.allowedDowntime':
    '許容ダウンタイム: {{window}} あたり {{duration}} ({{target}} の場合)',
  'sloStatus.excludedMaintenance': '計画メンテナンス {{duration}} を除外',
  'sloStatus.evaluated': '{{ago}}に評価',
  'sloStatus.noData':
    '期間内 ({{window}}) にトラフィックがありません: SLI はまだ算出できません (100% ではありません)。',
  'sloStatus.errorStale': '{{message}} — {{ago}}の値を表示しています',
  'sloStatus.errorNoValues': '{{message}} — 表示できる以前の値はありません',
  'sloStatus.declaredOnly':
    'カタログに宣言済み。ops バックエンドからライブの状態が返されなかった SLO:',
  'sloStatusCard.title': 'エラーバジェット',
  'sloEvaluation.title': 'この SLO の評価方法',
  'sloEvaluation.selector':
    'バッチ化されたセレクタ: カウンタのセレクタを increase() で読み、同じ形の他の SLO とまとめて 1 つのクエリで評価します。',
  'sloEvaluation.expression':
    '式: 任意の PromQL をウィンドウごとに 1 クエリで評価します。カウンタは系列ごとに increase() で読み、レートはウィンドウ全体で積分します。',
  'sloEvaluation.template':
    'テンプレート: 計測するウィンドウごとに、クエリのウィンドウテンプレートの位置にそのウィンドウを書き込みます。',
  'sloEvaluation.timeslices':
    'タイムスライス: ウィンドウの各スライスをそれぞれ良・不良と判定します。',
  'sloEvaluation.queries':
    '{{window}} ウィンドウで実行する PromQL (他のウィンドウでは範囲だけが変わります):',
  'sloEvaluation.batched':
    '表示しているのは、バッチ化されたクエリのうちこの SLO の分です。',
  'burnDownChart.title': 'エラーバジェットのバーンダウン',
  'burnDownChart.remainingRolling': '時点 t における直近 {{window}} の残り',
  'burnDownChart.remainingCalendar': 'バジェット残 ({{window}})',
  'burnDownChart.ideal': '理想線: 期間の終わりに 0 となる均等な消費',
  'burnDownChart.zero': '枯渇',
  'burnDownChart.sliTitle': 'SLI',
  'burnDownChart.target': '目標値 {{target}}',
  'burnDownChart.empty':
    '履歴はまだありません: ops バックエンドにはこの期間のこの SLO の評価がありません。',
  'burnDownChart.loading': 'グラフを読み込んでいます…',
  'burnDownChart.summary': '{{from}} から {{to}} までの {{points}} 点',
  'entitySloCard.title': 'サービスレベル目標 (SLO)',
  'entitySloCard.empty':
    'このエンティティを計測する SLO はカタログにありません。',
  'opsContent.slosTitle': 'サービスレベル目標 (SLO)',
  'opsContent.slosEmpty':
    'このエンティティを計測する SLO はカタログにありません。SLO の spec.service にこのエンティティを指定してください。',
  'opsContent.backupsTitle': 'バックアップポリシー',
  'opsContent.backupsEmpty':
    'このエンティティを保護するバックアップポリシーはカタログにありません。BackupPolicy の spec.protects にこのエンティティを指定してください。',
  'opsContent.runbooksTitle': 'Runbook',
  'opsContent.runbooksEmpty':
    'このエンティティに適用される Runbook はカタログにありません。Runbook の spec.appliesTo にこのエンティティを指定してください。',
  'opsContent.policy': 'ポリシー',
  'opsContent.rpo': 'RPO',
  'opsContent.rto': 'RTO',
  'opsContent.targets': 'バックアップ対象',
  'opsContent.restoreTest': 'リストアテスト: {{every}} ごと',
  'opsContent.runbook': 'Runbook',
  'opsContent.severity': '重大度',
  'opsContent.alerts': 'アラート',
  'opsContent.steps': '手順数',
  'relationsCard.title': '関連',
  'relationsCard.empty': 'このエンティティにはカタログ上の関連がありません。',
  'relationsCard.types.ownedBy': 'オーナー',
  'relationsCard.types.ownerOf': '所有',
  'relationsCard.types.measures': '計測対象',
  'relationsCard.types.measuredBy': '計測する SLO',
  'relationsCard.types.protects': '保護対象',
  'relationsCard.types.protectedBy': '保護するポリシー',
  'relationsCard.types.runbookFor': '適用対象',
  'relationsCard.types.hasRunbook': 'Runbook',
  'relationsCard.types.partOf': '所属先',
  'relationsCard.types.hasPart': '構成要素',
  'relationsCard.types.dependsOn': '依存先',
  'relationsCard.types.dependencyOf': '依存元',
  'relationsCard.types.journeyOf': 'ジャーニーの対象',
  'relationsCard.types.hasJourney': 'ジャーニー',
  'rawSpecCard.title': '仕様 (spec)',
  'rawSpecCard.subheader': '{{ref}} の spec (YAML)',
  'rawSpecCard.empty': 'このエンティティには spec がありません。',
  contentTitle: '運用',
  ...alertsJa,
  ...healthJa,
  ...backupsJa,
  ...reportJa,
  ...assumptionsJa,
  ...summaryJa,
  ...correctionsJa,
  ...sloGroupsJa,
  ...previewJa,
  ...changesJa,
  ...journeysJa,
} as const;

export default ja;
