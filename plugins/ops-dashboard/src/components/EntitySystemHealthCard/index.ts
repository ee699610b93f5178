export { EntitySystemHealthCard } from './EntitySystemHealthCard';
