export { EntityOpsRelationsCard } from './EntityOpsRelationsCard';
