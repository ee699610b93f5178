export * from './quotedString';
