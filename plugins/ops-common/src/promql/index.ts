export * from './quotedString';
export * from './labelMatcher';
export * from './sli';
