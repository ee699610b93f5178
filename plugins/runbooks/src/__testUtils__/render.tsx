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
  overrides: Partial<Record<keyof RunbooksApi, jest.Mock>> = {},
): jest.Mocked<RunbooksApi> {
  return {
    getTargetsStatus: jest.fn(() =>
      status instanceof Error
        ? Promise.reject(status)
        : Promise.resolve(status),
    ),
    getRunbooks: jest.fn(async () => ({ items: [] })),
    createExecution: jest.fn(async () => {
      throw new Error('createExecution not expected');
    }),
    getExecutions: jest.fn(async () => ({ items: [], totalCount: 0 })),
    getExecution: jest.fn(async () => {
      throw new Error('getExecution not expected');
    }),
    ...overrides,
  } as jest.Mocked<RunbooksApi>;
}

/** Renders an entity card in a test app with the catalog fixtures. */
export function renderWithEntity(
  element: JSX.Element,
  options: {
    entity: Entity;
    runbooksApi?: RunbooksApi;
    translationApi?: TranslationApi;
    entities?: Entity[];
    initialRoute?: string;
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
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: options.initialRoute
        ? [options.initialRoute]
        : undefined,
    },
  );
}
