import { useApi } from '@backstage/frontend-plugin-api';
import {
  BURN_RATE_WINDOW_SECONDS,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { opsApiRef } from '../api';
import { useRefresh } from './useRefresh';
import { SLO_REFRESH_MS } from './useSloStatuses';

/**
 * Where the changes an SLO page draws start: its chart's first point, or
 * the start of the longest burn-rate window if that is earlier.
 */
export function changeRangeStart(status: SloStatusWithHistory): string {
  const longest = Math.max(...Object.values(BURN_RATE_WINDOW_SECONDS));
  const times = [
    Date.parse(status.evaluatedAt) - longest * 1000,
    ...status.history.slice(0, 1).map(point => Date.parse(point.t)),
  ].filter(time => !Number.isNaN(time));
  return new Date(times.length ? Math.min(...times) : 0).toISOString();
}

/**
 * The change markers of an SLO's entity over its chart and burn-rate
 * windows, refreshed with the status; none until the status is known.
 */
export function useChangeMarkers(status?: SloStatusWithHistory) {
  const opsApi = useApi(opsApiRef);
  const entityRef = status?.entityRef;
  const from = status ? changeRangeStart(status) : undefined;
  const state = useAsyncRetry(async () => {
    if (!entityRef) return [];
    return (await opsApi.getChanges({ entityRef, from })).items;
  }, [opsApi, entityRef, from]);
  useRefresh(state.retry, SLO_REFRESH_MS);
  return state;
}
