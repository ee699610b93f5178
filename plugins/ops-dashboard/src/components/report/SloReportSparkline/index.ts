export { SloReportSparkline } from './SloReportSparkline';
export type { SloReportSparklineProps } from './SloReportSparkline';
