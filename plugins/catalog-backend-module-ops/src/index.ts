/***/
/**
 * The ops backend module for the catalog plugin.
 *
 * @packageDocumentation
 */

export { catalogModuleOps as default } from './module';
