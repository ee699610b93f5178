export { SloStatusList } from './SloStatusList';
export type { SloStatusListProps } from './SloStatusList';
