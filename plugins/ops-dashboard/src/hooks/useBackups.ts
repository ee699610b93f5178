import { useApi } from '@backstage/frontend-plugin-api';
import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { opsApiRef } from '../api';

/** How often the backup cards reload (the backend reads sources with short caches). */
export const BACKUPS_REFRESH_MS = 60_000;

/**
 * Reloads with `retry` every `ms` and when the window regains focus, so a
 * tab left open shows current ages when the operator comes back to it.
 */
function useRefreshOnFocus(retry: () => void, ms: number) {
  useEffect(() => {
    const timer = setInterval(retry, ms);
    window.addEventListener('focus', retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', retry);
    };
  }, [retry, ms]);
}

/** Live backup status of the policies that protect an entity. */
export function useBackups(entityRef: string) {
  const opsApi = useApi(opsApiRef);
  const state = useAsyncRetry(
    async () => (await opsApi.getBackups(entityRef)).items,
    [opsApi, entityRef],
  );
  useRefreshOnFocus(state.retry, BACKUPS_REFRESH_MS);
  return state;
}

/** Backup coverage of a system's data-holding entities. */
export function useBackupCoverage(systemRef: string) {
  const opsApi = useApi(opsApiRef);
  const state = useAsyncRetry(
    () => opsApi.getBackupCoverage(systemRef),
    [opsApi, systemRef],
  );
  useRefreshOnFocus(state.retry, BACKUPS_REFRESH_MS);
  return state;
}
