import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { opsApiRef } from '../../../api';
import { useRefresh } from '../../../hooks/useRefresh';

/** The backend probes every 30 s by default: reloading faster shows nothing new. */
export const HEALTH_REFRESH_MS = 30_000;

/** The health of an entity's endpoints, reloaded every 30 seconds. */
export function useHealth(entityRef: string) {
  const opsApi = useApi(opsApiRef);
  const state = useAsyncRetry(
    async () => (await opsApi.getHealth(entityRef)).items,
    [opsApi, entityRef],
  );
  useRefresh(state.retry, HEALTH_REFRESH_MS);
  return state;
}
