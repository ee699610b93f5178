export { languageModule } from './languageModule';
