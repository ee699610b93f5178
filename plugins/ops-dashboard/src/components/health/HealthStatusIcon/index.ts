export {
  HealthStatusIcon,
  healthColor,
  useHealthStateLabel,
} from './HealthStatusIcon';
