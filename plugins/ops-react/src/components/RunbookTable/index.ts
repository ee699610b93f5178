export { RunbookTable } from './RunbookTable';
export type { RunbookTableProps, RunbookTableRow } from './RunbookTable';
