/**
 * The runbooks plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import { runbooksPlugin } from './plugin';

export { runbooksPlugin };
export default runbooksPlugin;
export { runbooksTranslationRef } from '../translation';
export { runbooksFormTranslationRef } from '../formTranslation';
