export * from './types';
export { changesBetween } from './markers';
