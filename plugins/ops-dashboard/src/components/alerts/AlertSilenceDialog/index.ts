export {
  AlertSilenceDialog,
  type AlertSilenceDialogProps,
} from './AlertSilenceDialog';
