export { HealthStrip } from './HealthStrip';
