export { EntityHealthCard, EntityHealthContent } from './EntityHealthCard';
