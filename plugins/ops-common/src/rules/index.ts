export * from './types';
export { generateSloRules } from './generateSloRules';
export type { SloRulesInput } from './generateSloRules';
export { sliErrorRatioQuery, errorRatioRecord } from './errorRatioQuery';
export { ruleSliOf } from './ruleSli';
export type { RuleSli } from './ruleSli';
export { parseCounterSelector } from './counterSelector';
export type { CounterSelector } from './counterSelector';
export { formatSloRules, DEFAULT_PROMETHEUS_RULE_NAME } from './formatSloRules';
