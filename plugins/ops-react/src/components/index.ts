export * from './RawSpecCard';
export * from './SeverityChip';
export * from './OpsTable';
export * from './RunbookTable';
