export { createAlertRoutes } from './routes';
export type { AlertService, SilenceService } from './AlertService';
export { DefaultAlertService } from './DefaultAlertService';
export { DefaultSilenceService } from './DefaultSilenceService';
export {
  DatabaseAlertHistoryStore,
  type AlertHistoryStore,
  type AlertDelivery,
} from './AlertHistoryStore';
export {
  HttpAlertmanagerClient,
  type AlertmanagerClient,
} from './AlertmanagerClient';
