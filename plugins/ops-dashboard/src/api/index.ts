export { opsApiRef } from './OpsApi';
export type {
  OpsApi,
  OpsSourceStatus,
  OpsStatus,
  SloReportQuery,
} from './OpsApi';
export { OpsClient, OpsApiError } from './OpsClient';
