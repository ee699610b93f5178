import { Incident } from './types';
import { DAY_MS, MINUTE_MS, TICK_MS } from './time';

export interface IncidentWindow {
  startMs: number;
  /** Exclusive; Infinity for an ongoing incident. */
  endMs: number;
  incident: Incident;
}

/** What the incidents active at one tick do to a service. */
export interface ServiceCondition {
  down: boolean;
  /** Undefined when no active incident overrides the baseline. */
  errorRatio?: number;
  latencyFactor: number;
  /** Extras that take their incidentValue. */
  metrics: ReadonlySet<string>;
}

export const NORMAL: ServiceCondition = {
  down: false,
  latencyFactor: 1,
  metrics: new Set(),
};

/**
 * Places incidents on the time axis relative to the anchor (when the history
 * was generated). Ongoing incidents never end, so the live exporter keeps
 * them going and their alerts stay firing.
 */
export function incidentWindows(
  incidents: Incident[],
  anchorMs: number,
): IncidentWindow[] {
  return incidents.map(incident => {
    const startMs = anchorMs - incident.startDaysAgo * DAY_MS;
    const endMs = incident.ongoing
      ? Infinity
      : startMs + incident.durationMinutes * MINUTE_MS;
    return { startMs, endMs, incident };
  });
}

/**
 * The condition during a tick. A tick belongs to an incident when the tick
 * starts inside its window; overlapping incidents combine to the worst case.
 */
export function conditionAt(
  windows: IncidentWindow[],
  tick: number,
): ServiceCondition {
  const t = tick * TICK_MS;
  let condition = NORMAL;
  for (const w of windows) {
    if (t < w.startMs || t >= w.endMs) continue;
    const i = w.incident;
    condition = {
      down: condition.down || i.down,
      errorRatio:
        i.errorRatio === undefined
          ? condition.errorRatio
          : Math.max(i.errorRatio, condition.errorRatio ?? 0),
      latencyFactor: Math.max(condition.latencyFactor, i.latencyFactor),
      metrics: new Set([...condition.metrics, ...i.metrics]),
    };
  }
  return condition;
}
