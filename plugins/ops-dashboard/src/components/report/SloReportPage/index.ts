export { SloReportPage } from './SloReportPage';
export { SloReport } from './SloReport';
export type { SloReportProps } from './SloReport';
