export { opsApiRef } from './OpsApi';
export type { OpsApi, OpsSourceStatus, OpsStatus } from './OpsApi';
export { OpsClient, OpsApiError } from './OpsClient';
