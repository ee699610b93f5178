/**
 * The typed client of the Unyo ops backend (`/api/ops`), generated from its
 * OpenAPI spec, and the React components the Unyo frontend plugins share.
 *
 * @packageDocumentation
 */
export * from './generated';
export * from './components';
export * from './errors';
