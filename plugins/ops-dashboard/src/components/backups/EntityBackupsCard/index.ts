export { BackupsPanel, EntityBackupsCard } from './EntityBackupsCard';
export type { BackupsPanelProps } from './EntityBackupsCard';
