import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { opsApiRef } from '../api';
import { useRefresh } from './useRefresh';

/** How often the backup cards reload (the backend reads sources with short caches). */
export const BACKUPS_REFRESH_MS = 60_000;

/** Live backup status of the policies that protect an entity. */
export function useBackups(entityRef: string) {
  const opsApi = useApi(opsApiRef);
  const state = useAsyncRetry(
    async () => (await opsApi.getBackups(entityRef)).items,
    [opsApi, entityRef],
  );
  useRefresh(state.retry, BACKUPS_REFRESH_MS, { onFocus: true });
  return state;
}

/** Backup coverage of a system's data-holding entities. */
export function useBackupCoverage(systemRef: string) {
  const opsApi = useApi(opsApiRef);
  const state = useAsyncRetry(
    () => opsApi.getBackupCoverage(systemRef),
    [opsApi, systemRef],
  );
  useRefresh(state.retry, BACKUPS_REFRESH_MS, { onFocus: true });
  return state;
}
