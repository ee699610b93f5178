export { SloTable } from './SloTable';
