export { SloReportTable } from './SloReportTable';
export type { SloReportTableProps } from './SloReportTable';
