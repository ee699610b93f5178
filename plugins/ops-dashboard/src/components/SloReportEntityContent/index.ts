export { SloReportEntityContent } from './SloReportEntityContent';
