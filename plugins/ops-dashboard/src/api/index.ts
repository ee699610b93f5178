export { opsApiRef } from './OpsApi';
export type {
  CreateSloCorrectionRequest,
  OpsApi,
  OpsSourceStatus,
  OpsStatus,
  SloReportQuery,
} from './OpsApi';
export { OpsClient, OpsApiError } from './OpsClient';
