export * from './quotedString';
export * from './labelMatcher';
