import { useEffect } from 'react';

/**
 * Reloads with `retry` every `ms` while mounted and, with `onFocus`, when the
 * window regains focus, so a tab left open shows current ages when the
 * operator comes back to it.
 */
export function useRefresh(
  retry: () => void,
  ms: number,
  options: { onFocus?: boolean } = {},
) {
  const { onFocus = false } = options;
  useEffect(() => {
    const timer = setInterval(retry, ms);
    if (onFocus) window.addEventListener('focus', retry);
    return () => {
      clearInterval(timer);
      if (onFocus) window.removeEventListener('focus', retry);
    };
  }, [retry, ms, onFocus]);
}
