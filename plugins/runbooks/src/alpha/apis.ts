import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { runbooksApiRef, RunbooksClient } from '../api';

export const runbooksApi = ApiBlueprint.make({
  name: 'ops',
  params: defineParams =>
    defineParams({
      api: runbooksApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RunbooksClient({ discoveryApi, fetchApi }),
    }),
});
