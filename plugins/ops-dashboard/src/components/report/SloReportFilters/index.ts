export { SloReportFilters } from './SloReportFilters';
export type {
  SloReportFiltersProps,
  SloReportFilterValues,
} from './SloReportFilters';
