import { mttrMinutes } from '../slo/mttr';

/** One stored firing of an alert and its resolution. @public */
export interface AlertHistoryEvent {
  alertname: string;
  fingerprint: string;
  startsAt: string;
  /** Unset while it still fires. */
  resolvedAt?: string | null;
  labels: Record<string, string>;
}

/** `GET /api/ops/alerts/history?entityRef=R`. @public */
export interface AlertHistorySummary {
  windowDays: number;
  /** Firings that started in the window. */
  fired: number;
  resolved: number;
  open: number;
  /** Mean minutes from firing to resolution; null without resolutions. */
  mttrMinutes: number | null;
  /** The MTTR target in force (`ops.alerts.mttrTargetMinutes`); null: none set. */
  mttrTargetMinutes: number | null;
  /** null when there is no MTTR or no target to compare. */
  meetsTarget: boolean | null;
  byAlertname: Array<{
    alertname: string;
    fired: number;
    mttrMinutes: number | null;
  }>;
  /** The entity's `unyo.dev/alert-selector`, when it has one (set by the route). */
  selector?: string;
}

/**
 * Counts and MTTR over the firings that started within `windowDays` before
 * `now`. Open firings count but take no part in MTTR.
 *
 * @public
 */
export function summarizeAlertHistory(
  events: readonly AlertHistoryEvent[],
  options: { now: Date; windowDays?: number; targetMinutes?: number },
): AlertHistorySummary {
  const windowDays = options.windowDays ?? 30;
  const target = options.targetMinutes ?? null;
  const from = options.now.getTime() - windowDays * 86_400_000;
  const inWindow = events.filter(e => Date.parse(e.startsAt) >= from);
  const incidents = (list: readonly AlertHistoryEvent[]) =>
    list.map(e => ({ startedAt: e.startsAt, resolvedAt: e.resolvedAt }));
  const mttr = mttrMinutes(incidents(inWindow));
  const names = [...new Set(inWindow.map(e => e.alertname))].sort();
  return {
    windowDays,
    fired: inWindow.length,
    resolved: inWindow.filter(e => e.resolvedAt).length,
    open: inWindow.filter(e => !e.resolvedAt).length,
    mttrMinutes: mttr,
    mttrTargetMinutes: target,
    meetsTarget: mttr === null || target === null ? null : mttr < target,
    byAlertname: names.map(alertname => {
      const of = inWindow.filter(e => e.alertname === alertname);
      return {
        alertname,
        fired: of.length,
        mttrMinutes: mttrMinutes(incidents(of)),
      };
    }),
  };
}
