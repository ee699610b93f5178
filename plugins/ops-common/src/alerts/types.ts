import type { AlertLevel } from './levels';

/**
 * Where an alert stands. `suppressed`: Alertmanager holds it back (silenced
 * or inhibited); `inactive`: an alert rule that does not fire now.
 *
 * @public
 */
export type AlertState = 'firing' | 'pending' | 'inactive' | 'suppressed';

/** A label matcher as Alertmanager's API writes it. @public */
export interface AlertMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  /** false for `!=` and `!~`; true when omitted. */
  isEqual?: boolean;
}

/**
 * One alert, or one alert rule without an active alert (`state: inactive`),
 * selected by an entity's `unyo.dev/alert-selector` (see docs/api.md).
 *
 * @public
 */
export interface Alert {
  alertname: string;
  state: AlertState;
  /** The `severity` label, or `priority` where only that is set. */
  severity?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** ISO time; absent for inactive rules. */
  startsAt?: string;
  source: 'alertmanager' | 'prometheus';
  /** `runbook:<namespace>/<name>` of the Runbook that answers it. */
  runbookRef?: string;
  /** Level and response time from the entity's level set (`ops.alerts.levelSets`). */
  level?: AlertLevel;
  /** Alertmanager's fingerprint. */
  fingerprint?: string;
  /** Silence ids holding it back. */
  silencedBy?: string[];
  inhibitedBy?: string[];
  /** The value of the rule's expression when it fired (Prometheus). */
  value?: number;
  /** The server it was read from. */
  server?: string;
}

/** An alerting rule of Prometheus's rules API, with its evaluation. @public */
export interface AlertRuleStatus {
  name: string;
  /** The rule's expression, e.g. `mairust_queue_length > 1000`. */
  query: string;
  /** `for`, in seconds. */
  forSeconds: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'firing' | 'pending' | 'inactive';
  health: string;
  lastError?: string;
  lastEvaluation?: string;
  evaluationSeconds?: number;
  /** Values of the expression for the rule's active alerts. */
  values: number[];
  activeAlerts: number;
  group: string;
  server: string;
  runbookRef?: string;
  level?: AlertLevel;
}

/** A data source that could not be read for this answer. @public */
export interface AlertSourceError {
  source: 'alertmanager' | 'prometheus';
  server: string;
  message: string;
  /**
   * When this server last answered, ISO 8601: what the answer shows from it
   * is that answer, of age `staleSeconds`. Absent when it has not answered
   * since the backend started.
   */
  lastSuccessAt?: string;
  staleSeconds?: number;
}

/** `GET /api/ops/alerts?entityRef=R`. @public */
export interface AlertsResponse {
  items: Alert[];
  rules: AlertRuleStatus[];
  /** The entity's selector as written, when it has one. */
  selector?: string;
  /**
   * Set (with HTTP 200) when the entity's selector cannot be used: the
   * annotation is invalid. Nothing is selected then.
   */
  error?: { name: string; message: string };
  /** Sources that failed; what the others gave is still listed. */
  sourceErrors: AlertSourceError[];
  /** Config keys that are not set, e.g. `ops.alertmanager.servers`. */
  notConfigured: string[];
  /** Whether the caller may create and expire silences. */
  canSilence: boolean;
  /**
   * The level set the levels come from (`ops.alerts.levelSets`), named by
   * the entity's or its System's `unyo.dev/alert-level-set`, else
   * `ops.alerts.defaultLevelSet`.
   */
  levelSet?: string;
  /** Set when the named level set is not configured: alerts carry no level then. */
  levelSetError?: string;
}

/** An Alertmanager silence. @public */
export interface Silence {
  id: string;
  server: string;
  matchers: AlertMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  state: 'active' | 'pending' | 'expired';
}

/** `POST /api/ops/silences`. @public */
export interface CreateSilenceRequest {
  entityRef: string;
  matchers: AlertMatcher[];
  durationMinutes: number;
  comment: string;
}

/** Bounds of a silence made through the portal. @public */
export const SILENCE_DURATION_MINUTES = { min: 5, max: 7 * 24 * 60 } as const;
