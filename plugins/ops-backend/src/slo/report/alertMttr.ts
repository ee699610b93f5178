import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { summarizeAlertHistory } from '@unyo/plugin-ops-common';
import { AlertHistoryStore } from '../../alerts/AlertHistoryStore';
import { AlertService } from '../../alerts/AlertService';
import { ReportMttrSource } from './SloReportService';

const WINDOW_DAYS = 30;
/** Entity histories read at once for a scoped report. */
const CONCURRENCY = 8;

/**
 * MTTR from the stored alert history: every firing for the whole
 * organisation; for a scope, each entity's selected firings, combined as a
 * mean weighted by resolutions (the mean over all of them).
 */
export function alertMttrSource(options: {
  alerts: AlertService;
  history: AlertHistoryStore;
  now?: () => Date;
}): ReportMttrSource {
  const now = () => options.now?.() ?? new Date();
  return {
    async mttr(
      entityRefs: string[] | undefined,
      credentials: BackstageCredentials,
    ) {
      if (!entityRefs) {
        const at = now();
        const events = await options.history.listSince(
          new Date(at.getTime() - WINDOW_DAYS * 86_400_000),
        );
        const summary = summarizeAlertHistory(events, {
          now: at,
          windowDays: WINDOW_DAYS,
        });
        return {
          minutes: summary.mttrMinutes,
          resolved: summary.resolved,
          windowDays: WINDOW_DAYS,
        };
      }
      let resolved = 0;
      let minutesSum = 0;
      for (let i = 0; i < entityRefs.length; i += CONCURRENCY) {
        const summaries = await Promise.all(
          entityRefs
            .slice(i, i + CONCURRENCY)
            .map(ref => options.alerts.historyForEntity(ref, credentials)),
        );
        for (const s of summaries) {
          if (s.mttrMinutes !== null) {
            resolved += s.resolved;
            minutesSum += s.mttrMinutes * s.resolved;
          }
        }
      }
      return {
        minutes: resolved ? minutesSum / resolved : null,
        resolved,
        windowDays: WINDOW_DAYS,
      };
    },
  };
}
