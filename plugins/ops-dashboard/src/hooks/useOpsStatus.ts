import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { opsApiRef } from '../api';

/** Loads which data sources the ops backend has. */
export function useOpsStatus() {
  const opsApi = useApi(opsApiRef);
  return useAsync(() => opsApi.getStatus(), [opsApi]);
}
