import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { RunbookEntity, RunbookSummary } from '@unyo/plugin-ops-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { RunbooksApi, runbooksApiRef } from '../api';
import { ENTITY_QUERY_PARAM } from '../constants';
import type { RunbookForRunner } from '../components/actions/ActionRunnerDialog';

function normalizedRef(value: string, namespace: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'component',
        defaultNamespace: namespace,
      }),
    );
  } catch {
    return undefined;
  }
}

// Several cards of one page ask at the same moment: they share one request.
const inFlight = new WeakMap<
  RunbooksApi,
  Map<string, Promise<{ items: RunbookSummary[] }>>
>();

function getRunbooksOnce(api: RunbooksApi, entityRef: string) {
  let requests = inFlight.get(api);
  if (!requests) {
    requests = new Map();
    inFlight.set(api, requests);
  }
  let request = requests.get(entityRef);
  if (!request) {
    request = api.getRunbooks(entityRef);
    requests.set(entityRef, request);
    const settled = () => requests!.delete(entityRef);
    request.then(settled, settled);
  }
  return request;
}

/**
 * The runbook of the current page, the entity it was opened from
 * (`?entity=`), whether the user may run its actions and which of its alerts
 * fire now on that entity (from `GET /api/ops/runbooks`; unknown while
 * loading or when that fails, in which case the backend's own check answers
 * when the user runs).
 */
export function useRunbookContext() {
  const { entity } = useEntity<RunbookEntity>();
  const api = useApi(runbooksApiRef);
  const [params] = useSearchParams();
  const namespace = entity.metadata.namespace ?? 'default';
  const appliesTo = (
    Array.isArray(entity.spec?.appliesTo) ? entity.spec.appliesTo : []
  )
    .map(ref => normalizedRef(String(ref), namespace))
    .filter((r): r is string => !!r);
  const fromParam = params.get(ENTITY_QUERY_PARAM);
  const pageEntityRef = fromParam
    ? normalizedRef(fromParam, namespace)
    : undefined;
  const runbook: RunbookForRunner = {
    ref: stringifyEntityRef(entity),
    name: entity.metadata.name,
    appliesTo,
  };
  const lookupRef = pageEntityRef ?? appliesTo[0];
  const summary = useAsync(async () => {
    if (!lookupRef) return undefined;
    const { items } = await getRunbooksOnce(api, lookupRef);
    return items.find(item => item.ref === runbook.ref);
  }, [api, lookupRef, runbook.ref]);
  return {
    runbook,
    pageEntityRef,
    canExecute: summary.value?.canExecute,
    // Only for the entity the page was opened from: firing elsewhere is
    // not what the reader came for.
    firingAlerts: pageEntityRef ? summary.value?.firingAlerts : undefined,
    loading: summary.loading,
    error: summary.error,
  };
}
