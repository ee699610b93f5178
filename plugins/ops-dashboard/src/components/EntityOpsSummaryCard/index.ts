export { EntityOpsSummaryCard } from './EntityOpsSummaryCard';
