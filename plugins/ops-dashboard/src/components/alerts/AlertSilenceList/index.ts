export { AlertSilenceList } from './AlertSilenceList';
export type { AlertSilenceListProps } from './AlertSilenceList';
