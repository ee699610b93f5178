export { EntityAssumptionsCard } from './EntityAssumptionsCard';
