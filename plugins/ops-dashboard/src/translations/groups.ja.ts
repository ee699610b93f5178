/** Japanese messages of grouped SLOs (flat keys). */
export const sloGroupsJa = {
  'sloGroups.title': '{{labels}} 別: {{n}} グループ (悪い順)',
  'sloGroups.group': 'グループ',
  'sloGroups.sli': 'SLI',
  'sloGroups.budgetLeft': 'バジェット残',
  'sloGroups.policy': 'ポリシー',
  'sloGroups.burnRate': 'バーンレート 1h',
  'sloGroups.noData': 'トラフィックなし',
  'sloGroups.showAll': '全 {{n}} グループを表示',
  'sloGroups.showFewer': '悪い {{n}} グループのみ表示',
  'sloGroups.omitted':
    'バジェット残の多い {{n}} グループは表示していません (ops.slo.maxGroups)。',
  'sloGroups.error':
    '今回の評価ではグループを測定できませんでした: {{message}}',
  'sloGroups.expand': '{{slo}} のグループを表示',
  'sloGroups.collapse': '{{slo}} のグループを隠す',
  'sloGroups.reportNote': 'グループは現在の値のみ表示します。',
} as const;
