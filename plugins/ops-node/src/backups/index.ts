export type {
  BackupCopy,
  BackupReading,
  BackupReadRequest,
  BackupSourceConnection,
  BackupSourceReader,
} from './types';
export { sourceFieldPath } from './sourceFieldPath';
