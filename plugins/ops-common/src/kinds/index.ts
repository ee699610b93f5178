export * from './constants';
export type { OpsJsonObject, OpsJsonValue } from './json';
export * from './SloEntity';
export * from './RunbookEntity';
export * from './BackupPolicyEntity';
export * from './OpsEntity';
export * from './inheritedAnnotation';
