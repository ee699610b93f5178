export { SloGroups } from './SloGroups';
export type { SloGroupsProps } from './SloGroups';
export { SloGroupsTable } from './SloGroupsTable';
export type { SloGroupsTableProps } from './SloGroupsTable';
