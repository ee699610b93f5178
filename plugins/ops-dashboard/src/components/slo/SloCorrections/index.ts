export { SloCorrectionList } from './SloCorrectionList';
export type { SloCorrectionListProps } from './SloCorrectionList';
export { SloCorrectionDialog } from './SloCorrectionDialog';
export type { SloCorrectionDialogProps } from './SloCorrectionDialog';
