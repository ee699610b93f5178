import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import { wholeUnit } from '../lib/backups';
import { opsDashboardTranslationRef } from '../translation';

/** A declared RPO or RTO as written in the policy: `1 h`, `90 min`, `30 d`. */
export function useDeclaredDuration() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return useCallback(
    (seconds: number) => {
      const { value, unit } = wholeUnit(seconds);
      return t(`units.${unit}`, { value: String(value) });
    },
    [t],
  );
}
