export { RunbookStepsCard } from './RunbookStepsCard';
