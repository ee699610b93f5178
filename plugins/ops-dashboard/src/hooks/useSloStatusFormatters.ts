import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { SloPolicy, SloStatusWindow } from '@unyo/plugin-ops-common';
import { useCallback, useMemo } from 'react';
import { parseOpenSloDuration } from '../lib/slo';
import {
  burnRateText,
  ratioToPercentText,
  sliPercentText,
  targetPercentText,
} from '../lib/sloStatus';
import { opsDashboardTranslationRef } from '../translation';
import { useOpsFormatters } from './useOpsFormatters';

/** Translated texts for the live SLO figures of the ops backend. */
export function useSloStatusFormatters() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatMinutes, formatDuration, formatWindow } = useOpsFormatters();

  const percent = useCallback(
    (value: string) => t('units.percent', { value }),
    [t],
  );

  /** A ratio as a percentage, not clamped: -0.157 → `−15.7 %`. */
  const formatRatio = useCallback(
    (ratio: number, decimals = 1) =>
      percent(ratioToPercentText(ratio, decimals)),
    [percent],
  );

  const formatSli = useCallback(
    (ratio: number, target?: number) => percent(sliPercentText(ratio, target)),
    [percent],
  );

  const formatTarget = useCallback(
    (target: number) => percent(targetPercentText(target)),
    [percent],
  );

  const formatBurnRate = useCallback(
    (value: number) => t('units.burnRate', { value: burnRateText(value) }),
    [t],
  );

  /** How long ago, e.g. `2 min ago`. */
  const formatAgo = useCallback(
    (seconds: number) => {
      if (seconds < 10) return t('time.justNow');
      if (seconds < 60) {
        return t('time.secondsAgo', { value: String(Math.round(seconds)) });
      }
      if (seconds < 3600) {
        return t('time.minutesAgo', {
          value: String(Math.round(seconds / 60)),
        });
      }
      if (seconds < 172800) {
        return t('time.hoursAgo', {
          value: String(Math.round(seconds / 3600)),
        });
      }
      return t('time.daysAgo', { value: String(Math.round(seconds / 86400)) });
    },
    [t],
  );

  /**
   * The window of a status: `30 days` for a rolling window (as in "43.2 min
   * / 30 days"), `Calendar month (Asia/Tokyo)` for a calendar one.
   */
  const formatStatusWindow = useCallback(
    (window: SloStatusWindow) => {
      const duration = parseOpenSloDuration(window.duration);
      if (!duration) return window.duration;
      if (!window.calendar) return formatDuration(duration);
      return formatWindow({
        duration,
        text: window.duration,
        rolling: false,
        timeZone: window.timeZone,
      });
    },
    [formatDuration, formatWindow],
  );

  const formatPolicy = useCallback(
    (policy: SloPolicy) => {
      switch (policy) {
        case 'normal':
          return t('sloStatus.policy.normal');
        case 'feature-freeze':
          return t('sloStatus.policy.featureFreeze');
        case 'incident-only':
          return t('sloStatus.policy.incidentOnly');
        case 'frozen':
          return t('sloStatus.policy.frozen');
        default:
          // a policy state this version does not know: show it as it is
          return String(policy);
      }
    },
    [t],
  );

  return useMemo(
    () => ({
      formatRatio,
      formatSli,
      formatTarget,
      formatBurnRate,
      formatAgo,
      formatMinutes,
      formatStatusWindow,
      formatPolicy,
    }),
    [
      formatRatio,
      formatSli,
      formatTarget,
      formatBurnRate,
      formatAgo,
      formatMinutes,
      formatStatusWindow,
      formatPolicy,
    ],
  );
}
