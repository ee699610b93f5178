import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { opsApiRef, OpsClient } from '../api';

export const opsApi = ApiBlueprint.make({
  name: 'ops',
  params: defineParams =>
    defineParams({
      api: opsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new OpsClient({ discoveryApi, fetchApi }),
    }),
});
