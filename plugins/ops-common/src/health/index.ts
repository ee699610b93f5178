export * from './types';
export { healthStateOf, worstHealthState, isServing } from './vocabulary';
export { parseHealthBody } from './parseHealthBody';
export type { ParsedHealthBody, HealthBodyInput } from './parseHealthBody';
export { healthUrlsOf } from './healthUrls';
export {
  judgeCertificate,
  DEFAULT_CERTIFICATE_THRESHOLDS,
} from './certificate';
