export { EntitySloSummaryCard } from './EntitySloSummaryCard';
