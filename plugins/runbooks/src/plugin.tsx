import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/runbooks',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const runbooksPlugin = createFrontendPlugin({
  pluginId: 'runbooks',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
