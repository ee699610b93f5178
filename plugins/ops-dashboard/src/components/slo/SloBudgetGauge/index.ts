export { SloBudgetGauge } from './SloBudgetGauge';
export type { SloBudgetGaugeProps } from './SloBudgetGauge';
