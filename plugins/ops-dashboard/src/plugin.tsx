import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/ops-dashboard',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const opsDashboardPlugin = createFrontendPlugin({
  pluginId: 'ops-dashboard',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
