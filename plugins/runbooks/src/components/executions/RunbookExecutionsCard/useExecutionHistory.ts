import { useApi } from '@backstage/frontend-plugin-api';
import type { Execution, ExecutionStatus } from '@unyo/plugin-ops-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { runbooksApiRef } from '../../../api';
import {
  EXECUTION_HISTORY_MAX_LIMIT,
  EXECUTION_HISTORY_PAGE_SIZE,
} from '../../../constants';
import { newestFirst } from '../../../lib/executions';

/** The history's filters; the backend applies them. */
export interface ExecutionHistoryFilters {
  status?: ExecutionStatus;
  /** An entity ref, e.g. `user:default/alice`. */
  actor?: string;
}

interface Loaded {
  /** Which runbook and filters these rows answer. */
  key: string;
  items: Execution[];
  totalCount: number;
}

/**
 * One runbook's executions, newest first, filtered and paged by the backend:
 * the first page, then `loadMore` fetches the next. `reload` (a run started,
 * a signal) fetches again as many rows as are shown, so none disappear.
 */
export function useExecutionHistory(
  runbookRef: string,
  filters: ExecutionHistoryFilters,
) {
  const api = useApi(runbooksApiRef);
  const { status, actor } = filters;
  const key = JSON.stringify([runbookRef, status ?? null, actor ?? null]);
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<Error>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads(n => n + 1), []);
  // Rows shown under the current filters, read when reloading.
  const shown = useRef(0);
  const current = loaded?.key === key ? loaded : undefined;
  shown.current = current?.items.length ?? 0;

  useEffect(() => {
    let cancelled = false;
    const limit = Math.min(
      EXECUTION_HISTORY_MAX_LIMIT,
      Math.max(EXECUTION_HISTORY_PAGE_SIZE, shown.current),
    );
    api.getExecutions(runbookRef, { status, actor, limit, offset: 0 }).then(
      page => {
        if (cancelled) return;
        setLoaded({
          key,
          items: newestFirst(page.items),
          totalCount: page.totalCount,
        });
        setError(undefined);
      },
      e => {
        // keep the rows already shown next to the error
        if (!cancelled) setError(e as Error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, runbookRef, status, actor, key, reloads]);

  const loadMore = useCallback(async () => {
    if (!current) return;
    setLoadingMore(true);
    try {
      const page = await api.getExecutions(runbookRef, {
        status,
        actor,
        limit: EXECUTION_HISTORY_PAGE_SIZE,
        offset: current.items.length,
      });
      setLoaded(before => {
        if (before?.key !== key) return before;
        // A run started meanwhile shifts the pages: skip rows already shown.
        const seen = new Set(before.items.map(item => item.id));
        const added = page.items.filter(item => !seen.has(item.id));
        return {
          key,
          items: newestFirst([...before.items, ...added]),
          totalCount: page.totalCount,
        };
      });
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoadingMore(false);
    }
  }, [api, runbookRef, status, actor, key, current]);

  return {
    items: current?.items,
    totalCount: current?.totalCount ?? 0,
    error,
    loadingMore,
    loadMore,
    reload,
  };
}
