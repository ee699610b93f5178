import { Entity } from '@backstage/catalog-model';
import {
  translationApiRef,
  TranslationApi,
} from '@backstage/frontend-plugin-api';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { OpsApi, opsApiRef } from '../api';
import { allEntities } from './fixtures';
import { mockOpsApi, opsStatus } from './opsStatus';

/** Renders an entity card in a test app with the catalog fixtures. */
export function renderWithEntity(
  element: JSX.Element,
  options: {
    entity: Entity;
    opsApi?: OpsApi;
    translationApi?: TranslationApi;
    entities?: Entity[];
  },
) {
  const apis: any[] = [
    [
      catalogApiRef,
      catalogApiMock({ entities: options.entities ?? allEntities }),
    ],
    [opsApiRef, options.opsApi ?? mockOpsApi(opsStatus(false))],
  ];
  if (options.translationApi) {
    apis.push([translationApiRef, options.translationApi]);
  }
  return renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
