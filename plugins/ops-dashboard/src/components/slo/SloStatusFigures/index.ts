export { SloStatusFigures } from './SloStatusFigures';
export type { SloStatusFiguresProps } from './SloStatusFigures';
