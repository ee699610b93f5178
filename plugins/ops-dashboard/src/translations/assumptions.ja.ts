/** Japanese messages of the assumptions notice (flat keys). */
export const assumptionsJa = {
  'assumptions.title': '想定値（マニュアルに記載なし）',
  'assumptions.intro':
    '以下の値は例として置いた想定値です。元のドキュメントには記載がありません。',
  'assumptions.field': '項目',
  'assumptions.value': '値',
  'assumptions.missing': '（未設定）',
  'assumptions.marker': '想定値・マニュアルに記載なし',
} as const;
