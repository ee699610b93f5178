export { RunbookRawSpecCard } from './RunbookRawSpecCard';
