export { DatabaseHealthStore } from './DatabaseHealthStore';
export { DefaultHealthService } from './DefaultHealthService';
export { HealthMonitor } from './HealthMonitor';
export { HealthProber } from './HealthProber';
export { createHealthRoutes } from './routes';
export type { HealthService } from './HealthService';
export type { HealthStore } from './HealthStore';
