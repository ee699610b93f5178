import {
  resolveWindow,
  ResolvedSloWindow,
  SloTimeWindow,
} from '@unyo/plugin-ops-common';
import { MeasuredPlan } from './measureCounts';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface TimeRange {
  start: Date;
  end: Date;
}

/**
 * How a window is measured: stored full UTC days, plus live queries for the
 * part before the first midnight (head) and after the last one (tail). A
 * routine evaluation thus scans at most about a day of samples however long
 * the window (docs/slo-math.md §7).
 */
export interface WindowSegments {
  head?: TimeRange;
  /** YYYY-MM-DD, UTC. */
  days: string[];
  tail?: TimeRange;
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function dayEnd(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS);
}

/**
 * Splits `[start, end)`. A day is only taken from storage once `settleMs` have
 * passed since it ended, so late scrapes of the previous day are not lost.
 */
export function splitWindow(
  start: Date,
  end: Date,
  settleMs = 5 * 60 * 1000,
): WindowSegments {
  const firstMidnight = Math.ceil(start.getTime() / DAY_MS) * DAY_MS;
  let lastMidnight = Math.floor(end.getTime() / DAY_MS) * DAY_MS;
  if (end.getTime() - lastMidnight < settleMs) {
    lastMidnight -= DAY_MS;
  }
  if (lastMidnight <= firstMidnight) {
    return end > start ? { days: [], head: { start, end } } : { days: [] };
  }
  const days: string[] = [];
  for (let t = firstMidnight; t < lastMidnight; t += DAY_MS) {
    days.push(utcDay(new Date(t)));
  }
  return {
    ...(start.getTime() < firstMidnight && {
      head: { start, end: new Date(firstMidnight) },
    }),
    days,
    ...(end.getTime() > lastMidnight && {
      tail: { start: new Date(lastMidnight), end },
    }),
  };
}

/** An SLO's window at the round's instant, split into stored days and live parts. */
export interface PlanWindow {
  window: ResolvedSloWindow;
  segments: WindowSegments;
}

/** SLO ref → its window. */
export type PlanWindows = Map<string, PlanWindow>;

/** Two SLOs with equal keys have the same window at any instant. */
export function timeWindowKey(timeWindow: SloTimeWindow): string {
  const { duration, isRolling, calendar } = timeWindow;
  return `${duration}|${isRolling !== false}|${calendar?.startTime ?? ''}|${
    calendar?.timeZone ?? ''
  }`;
}

/**
 * Each plan's window at `now`. Resolved once per distinct time window, not
 * per SLO: thousands of SLOs share a handful of windows, and the plans of
 * one window share the same `PlanWindow` object.
 */
export function planWindows(plans: MeasuredPlan[], now: Date): PlanWindows {
  const byKey = new Map<string, PlanWindow>();
  return new Map(
    plans.map(plan => {
      const key = timeWindowKey(plan.timeWindow);
      let planWindow = byKey.get(key);
      if (!planWindow) {
        const window = resolveWindow(plan.timeWindow, now);
        const end = window.end < now ? window.end : now;
        planWindow = { window, segments: splitWindow(window.start, end) };
        byKey.set(key, planWindow);
      }
      return [plan.description.ref, planWindow];
    }),
  );
}
