import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { opsApiRef } from '../api';
import { useRefresh } from './useRefresh';

/** How often the cards reload live SLO status (the backend evaluates every minute). */
export const SLO_REFRESH_MS = 60_000;

/** Live status of the SLOs that measure an entity, refreshed every minute. */
export function useSloStatuses(entityRef: string) {
  const opsApi = useApi(opsApiRef);
  const state = useAsyncRetry(
    async () => (await opsApi.getSlos(entityRef)).items,
    [opsApi, entityRef],
  );
  useRefresh(state.retry, SLO_REFRESH_MS);
  return state;
}

/** Live status of the journeys (CompositeSLOs) of an entity, refreshed every minute. */
export function useJourneyStatuses(entityRef: string) {
  const opsApi = useApi(opsApiRef);
  const state = useAsyncRetry(
    async () => (await opsApi.getJourneys(entityRef)).items,
    [opsApi, entityRef],
  );
  useRefresh(state.retry, SLO_REFRESH_MS);
  return state;
}

/** Live status and history of one SLO, refreshed every minute. */
export function useSloStatus(namespace: string, name: string) {
  const opsApi = useApi(opsApiRef);
  const state = useAsyncRetry(
    () => opsApi.getSlo(namespace, name),
    [opsApi, namespace, name],
  );
  useRefresh(state.retry, SLO_REFRESH_MS);
  return state;
}

/** The error-budget corrections of one SLO. */
export function useSloCorrections(namespace: string, name: string) {
  const opsApi = useApi(opsApiRef);
  return useAsyncRetry(
    async () => (await opsApi.getSloCorrections(namespace, name)).items,
    [opsApi, namespace, name],
  );
}
