/** Japanese messages of the parameters form (flat keys of `runbooksFormTranslationRef`). */
const ja = {
  'field.format': '{{field}} は有効な {{limit}} で入力してください。',
  'field.oneOf': '{{field}} は選択肢のいずれか一つに一致させてください。',
  'field.minItems': '{{field}} には {{limit}} 件以上の項目が必要です。',
  'button.addItem': '項目を追加',
  'button.remove': '削除',
  'button.moveUp': '上へ移動',
  'button.moveDown': '下へ移動',
  'button.copy': 'コピー',
  'label.yes': 'はい',
  'label.no': 'いいえ',
} as const;

export default ja;
