export { EntityJourneysCard } from './EntityJourneysCard';
