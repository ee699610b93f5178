/**
 * The ops-dashboard plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import { opsDashboardPlugin } from './plugin';

export { opsDashboardPlugin };
export default opsDashboardPlugin;
export { opsDashboardTranslationRef } from '../translation';
