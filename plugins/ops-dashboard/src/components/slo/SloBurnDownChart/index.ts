export { SloBurnDownChart } from './SloBurnDownChart';
export type { SloBurnDownChartProps } from './SloBurnDownChart';
export type { SloCorrectionSpan } from './correctionAreas';
