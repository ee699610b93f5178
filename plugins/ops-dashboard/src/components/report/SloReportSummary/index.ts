export { SloReportSummary } from './SloReportSummary';
export type { SloReportSummaryProps } from './SloReportSummary';
