export { HealthCertificate } from './HealthCertificate';
