export {
  EntityAlertsCard,
  AlertsPanel,
  type AlertsPanelProps,
} from './EntityAlertsCard';
