export { RunbookExecutionsCard } from './RunbookExecutionsCard';
