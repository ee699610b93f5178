export { HealthEndpointList } from './HealthEndpointList';
export { useHealth, HEALTH_REFRESH_MS } from './useHealth';
