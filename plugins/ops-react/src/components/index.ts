export * from './RawSpecCard';
export * from './SeverityChip';
