import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';
import { OPS_RELATION_PAIRS } from '@unyo/plugin-ops-common';

/** Backstage's relations and Unyo's (`measures`, `runbookFor`, `protects` and their reverses). */
export const catalogGraphRelations = {
  knownRelations: [...ALL_RELATIONS, ...OPS_RELATION_PAIRS.flat()],
  knownRelationPairs: [
    ...ALL_RELATION_PAIRS,
    ...OPS_RELATION_PAIRS.map(([a, b]): [string, string] => [a, b]),
  ],
};

/**
 * The catalog graph (the overview card and the graph page) draws Unyo's
 * relations too: the default API knows only Backstage's, and a relation it
 * does not know is never drawn.
 */
export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: () =>
            new DefaultCatalogGraphApi({
              ...catalogGraphRelations,
              defaultRelationTypes: { exclude: [] },
            }),
        }),
    }),
  ],
});
