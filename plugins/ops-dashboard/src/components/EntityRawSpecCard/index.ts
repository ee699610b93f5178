export { EntityRawSpecCard } from './EntityRawSpecCard';
