export { DefinitionList } from './DefinitionList';
export type { DefinitionListItem } from './DefinitionList';
