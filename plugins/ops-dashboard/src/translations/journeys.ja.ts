/** Japanese messages of the journeys card (flat keys). */
export const journeysJa = {
  'journeysCard.title': 'ユーザージャーニー',
  'journeysCard.subheader':
    '各ジャーニーの SLI は、構成する SLO の SLI をその期間で重み付け平均したものです',
  'journeysCard.empty':
    'このエンティティに属するジャーニー (CompositeSLO) はありません。',
  'journeysCard.journey': 'ジャーニー',
  'journeysCard.budgetLeft': 'バジェット残',
  'journeysCard.policy': 'ポリシー',
  'journeysCard.noData': 'この期間にデータなし',
  'journeysCard.systemBudget': 'システムのバジェット',
  'journeysCard.systemBudgetHow':
    '最も悪いジャーニー ({{journey}}) のバジェット残: システムの信頼性は最も信頼性の低いジャーニーで決まります。',
} as const;
