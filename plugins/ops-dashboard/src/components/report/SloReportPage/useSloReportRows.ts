import { useApi } from '@backstage/frontend-plugin-api';
import type { SloReportItem } from '@unyo/plugin-ops-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { opsApiRef, SloReportQuery } from '../../../api';
import { PAGE_SIZE, reportQueryKey, SloReportPrefetch } from './reportPrefetch';
/** Rows asked for at a time when every row is wanted (printing). */
const ALL_PAGE_SIZE = 5000;

interface RowsState {
  key: string;
  items: SloReportItem[];
  totalCount: number;
  loading: boolean;
  error?: Error;
}

/**
 * The report's rows page by page: the first page when the query changes,
 * the next ones as the table asks; answers to an older query are dropped.
 * A first page asked for before the report was drawn (`prefetched`) is used
 * for the first load of its query, at once when it has already come.
 */
export function useSloReportRows(
  query: SloReportQuery,
  prefetched?: Pick<SloReportPrefetch, 'key' | 'rows'>,
) {
  const opsApi = useApi(opsApiRef);
  const key = reportQueryKey(query);
  // Used by the first load only: later loads of the same query ask again.
  const prefetch = useRef(
    prefetched?.key === key ? prefetched.rows : undefined,
  );
  const [state, setState] = useState<RowsState>(() => {
    const page = prefetch.current?.value;
    if (!page) return { key, items: [], totalCount: 0, loading: true };
    prefetch.current = undefined;
    return {
      key,
      items: page.items,
      totalCount: page.totalCount,
      loading: false,
    };
  });
  const current = useRef(state);
  current.current = state;

  const load = useCallback(
    async (offset: number, limit: number) => {
      const prefetchedPage = offset === 0 ? prefetch.current : undefined;
      prefetch.current = undefined;
      setState(s => ({ ...s, loading: true }));
      try {
        const page = await (prefetchedPage?.promise ??
          opsApi.getSloReport({ ...query, limit, offset }));
        setState(s =>
          s.key !== key
            ? s
            : {
                key,
                items: [...s.items.slice(0, offset), ...page.items],
                totalCount: page.totalCount,
                loading: false,
              },
        );
      } catch (error) {
        setState(s =>
          s.key !== key ? s : { ...s, loading: false, error: error as Error },
        );
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [opsApi, key],
  );

  useEffect(() => {
    // The first render drew the prefetched page: nothing to load.
    if (current.current.key === key && !current.current.loading) return;
    setState({ key, items: [], totalCount: 0, loading: true });
    load(0, PAGE_SIZE);
  }, [key, load]);

  const loadMore = useCallback(() => {
    const s = current.current;
    if (s.key !== key || s.loading || s.error) return;
    if (s.items.length >= s.totalCount) return;
    load(s.items.length, PAGE_SIZE);
  }, [key, load]);

  const loadAll = useCallback(async () => {
    let s = current.current;
    while (s.key === key && !s.error && s.items.length < s.totalCount) {
      await load(s.items.length, ALL_PAGE_SIZE);
      await new Promise(resolve => setTimeout(resolve, 0));
      s = current.current;
    }
  }, [key, load]);

  const fresh = state.key === key;
  return {
    items: fresh ? state.items : [],
    totalCount: fresh ? state.totalCount : 0,
    loading: !fresh || state.loading,
    error: fresh ? state.error : undefined,
    loadMore,
    loadAll,
  };
}
