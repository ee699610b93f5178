export { EntitySloStatusCard } from './EntitySloStatusCard';
export type { EntitySloStatusCardProps } from './EntitySloStatusCard';
