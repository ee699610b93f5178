export { RunbookTable } from './RunbookTable';
