export { RunbookActionsCard } from './RunbookActionsCard';
