import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { comparisonSymbol } from '@unyo/plugin-ops-common';
import { useCallback, useMemo } from 'react';
import {
  allowedBadMinutes,
  errorShare,
  formatPercent,
  humanizeMinutes,
  OpenSloDuration,
  SloObjective,
  SloTimeWindow,
  windowMinutes,
} from '../lib/slo';
import { opsDashboardTranslationRef } from '../translation';

/** Translated, human-readable texts for the SLO figures of the catalog. */
export function useOpsFormatters() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);

  const formatMinutes = useCallback(
    (minutes: number): string => {
      const { value, unit } = humanizeMinutes(minutes);
      const text = String(value);
      switch (unit) {
        case 'seconds':
          return t('units.seconds', { value: text });
        case 'minutes':
          return t('units.minutes', { value: text });
        case 'hours':
          return t('units.hours', { value: text });
        default:
          return t('units.days', { value: text });
      }
    },
    [t],
  );

  const formatDuration = useCallback(
    (duration: OpenSloDuration): string => {
      const count = duration.value;
      switch (duration.unit) {
        case 'm':
          return t('window.durationUnits.m', { count });
        case 'h':
          return t('window.durationUnits.h', { count });
        case 'd':
          return t('window.durationUnits.d', { count });
        case 'w':
          return t('window.durationUnits.w', { count });
        case 'M':
          return t('window.durationUnits.M', { count });
        case 'Q':
          return t('window.durationUnits.Q', { count });
        default:
          return t('window.durationUnits.Y', { count });
      }
    },
    [t],
  );

  const formatWindow = useCallback(
    (window: SloTimeWindow | undefined): string => {
      if (!window?.duration) return window?.text ?? t('window.unknown');
      const { duration } = window;
      if (window.rolling) {
        return t('window.rolling', { duration: formatDuration(duration) });
      }
      let text: string;
      if (duration.value === 1 && duration.unit === 'M') {
        text = t('window.calendarMonth');
      } else if (duration.value === 1 && duration.unit === 'Q') {
        text = t('window.calendarQuarter');
      } else if (duration.value === 1 && duration.unit === 'Y') {
        text = t('window.calendarYear');
      } else if (duration.value === 1 && duration.unit === 'w') {
        text = t('window.calendarWeek');
      } else {
        text = t('window.calendar', { duration: formatDuration(duration) });
      }
      return window.timeZone
        ? t('window.inZone', { window: text, timeZone: window.timeZone })
        : text;
    },
    [t, formatDuration],
  );

  /** The error budget of one objective as text, or undefined without a target. */
  const formatBudget = useCallback(
    (
      objective: SloObjective,
      window: SloTimeWindow | undefined,
      budgetingMethod: string | undefined,
      options: { short?: boolean; now?: Date } = {},
    ): string | undefined => {
      if (objective.target === undefined) return undefined;
      const share = errorShare(objective.target);
      if (share === undefined) return undefined;
      const minutes = window ? windowMinutes(window, options.now) : undefined;
      const allowed =
        minutes !== undefined
          ? allowedBadMinutes(objective.target, minutes)
          : undefined;
      const shareText = formatPercent(share);
      const timeslices =
        budgetingMethod === 'Timeslices' ||
        budgetingMethod === 'RatioTimeslices';
      if (allowed === undefined) {
        return options.short
          ? shareText
          : t('sloSummaryCard.budgetShareOnly', { share: shareText });
      }
      const duration = formatMinutes(allowed);
      if (options.short) {
        return timeslices ? duration : `${shareText} / ${duration}`;
      }
      return timeslices
        ? t('sloSummaryCard.budgetTimeslices', { duration })
        : t('sloSummaryCard.budgetOccurrences', { share: shareText, duration });
    },
    [t, formatMinutes],
  );

  const formatTimeSlice = useCallback(
    (objective: SloObjective): string | undefined => {
      if (!objective.timeSliceWindow) return undefined;
      const conditions: string[] = [];
      if (objective.op && objective.value !== undefined) {
        conditions.push(`${comparisonSymbol(objective.op)} ${objective.value}`);
      }
      if (objective.timeSliceTarget !== undefined) {
        conditions.push(`≥ ${formatPercent(objective.timeSliceTarget)}`);
      }
      if (conditions.length === 0) return undefined;
      return t('sloSummaryCard.timeSlice', {
        window: objective.timeSliceWindow,
        condition: conditions.join(', '),
      });
    },
    [t],
  );

  return useMemo(
    () => ({
      formatMinutes,
      formatDuration,
      formatWindow,
      formatBudget,
      formatTimeSlice,
    }),
    [
      formatMinutes,
      formatDuration,
      formatWindow,
      formatBudget,
      formatTimeSlice,
    ],
  );
}
