/**
 * An alert's level, with the response time it sets. The built-in levels are
 * those of the two example operations manuals under `examples/` (P1–P4 with
 * `severity` labels, and Critical–Low carried as `priority`); deployments set
 * their own under `ops.alerts.levelSets`.
 *
 * @public
 */
export interface AlertLevel {
  /** `P1`…`P4`, `critical`, `high`, `medium`, `low` or `warning`. */
  id: string;
  /** As the manual names it: `P1`, `Critical`, `Warning`. */
  name: string;
  /** Respond within this many minutes; null: by the next business day. */
  respondWithinMinutes: number | null;
  /** Which manual (seed) sets it. */
  manual: '001' | '003';
}

const LEVELS: Record<string, AlertLevel> = {
  p1: { id: 'P1', name: 'P1', respondWithinMinutes: 15, manual: '001' },
  p2: { id: 'P2', name: 'P2', respondWithinMinutes: 30, manual: '001' },
  p3: { id: 'P3', name: 'P3', respondWithinMinutes: 240, manual: '001' },
  p4: { id: 'P4', name: 'P4', respondWithinMinutes: null, manual: '001' },
  critical: {
    id: 'critical',
    name: 'Critical',
    respondWithinMinutes: 15,
    manual: '003',
  },
  high: { id: 'high', name: 'High', respondWithinMinutes: 60, manual: '003' },
  medium: {
    id: 'medium',
    name: 'Medium',
    respondWithinMinutes: 8 * 60,
    manual: '003',
  },
  low: {
    id: 'low',
    name: 'Low',
    respondWithinMinutes: 7 * 24 * 60,
    manual: '003',
  },
};

// `severity` labels: critical is P1; warning has its own 1 h.
const BY_SEVERITY: Record<string, AlertLevel> = {
  critical: LEVELS.p1,
  page: LEVELS.p1,
  warning: {
    id: 'warning',
    name: 'Warning',
    respondWithinMinutes: 60,
    manual: '001',
  },
  ticket: LEVELS.p3,
  info: LEVELS.p4,
};

/**
 * The manual's level of an alert from its labels: `priority` first (it is
 * the more specific of the two where rules carry both), then `severity`.
 * Undefined when neither names a known level.
 *
 * @public
 */
export function alertLevel(
  labels: Record<string, string | undefined>,
): AlertLevel | undefined {
  const priority = labels.priority?.trim().toLowerCase();
  if (priority && LEVELS[priority]) return LEVELS[priority];
  const severity = labels.severity?.trim().toLowerCase();
  if (severity && LEVELS[severity] && /^p[1-4]$/.test(severity)) {
    return LEVELS[severity];
  }
  return severity ? BY_SEVERITY[severity] : undefined;
}
