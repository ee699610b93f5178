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
import { RunbooksApi, runbooksApiRef, RunbookTargetsStatus } from '../api';
import { componentEntity, runbookEntity } from './fixtures';

export function targetsStatus(configured: boolean): RunbookTargetsStatus {
  return {
    configured,
    configKey: 'ops.runbooks.targets',
    targets: configured ? ['automation'] : [],
  };
}

export function mockRunbooksApi(
  status: RunbookTargetsStatus | Error,
): jest.Mocked<RunbooksApi> {
  return {
    getTargetsStatus: jest.fn(() =>
      status instanceof Error
        ? Promise.reject(status)
        : Promise.resolve(status),
    ),
  };
}

/** Renders an entity card in a test app with the catalog fixtures. */
export function renderWithEntity(
  element: JSX.Element,
  options: {
    entity: Entity;
    runbooksApi?: RunbooksApi;
    translationApi?: TranslationApi;
    entities?: Entity[];
  },
) {
  const apis: any[] = [
    [
      catalogApiRef,
      catalogApiMock({
        entities: options.entities ?? [runbookEntity, componentEntity],
      }),
    ],
    [
      runbooksApiRef,
      options.runbooksApi ?? mockRunbooksApi(targetsStatus(false)),
    ],
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
