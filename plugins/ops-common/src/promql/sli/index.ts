export { parsePromql, PromqlSyntaxError } from './parsePromql';
export type { ParsedPromql, PromqlNode } from './parsePromql';
export {
  formatPromqlDuration,
  hasWindowTemplate,
  sliEventsQuery,
  sliQueryPath,
  sliWindowQueries,
  substituteWindow,
  withoutComments,
} from './windowQuery';
export type {
  SliQueries,
  SliQueryPath,
  SliWindowQueries,
  SliWindowQueryOptions,
} from './windowQuery';
