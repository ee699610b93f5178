export { RunbookAboutCard } from './RunbookAboutCard';
