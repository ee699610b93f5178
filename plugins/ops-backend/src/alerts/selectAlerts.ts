import {
  Alert,
  AlertLevelSet,
  AlertRuleStatus,
  RunbookCandidate,
  SelectorMatcher,
  alertLevel,
  findRunbookRef,
  matchesSelector,
} from '@unyo/plugin-ops-common';
import { PrometheusRuleGroup } from '../prometheus';
import { AlertmanagerAlert } from './AlertmanagerClient';

export interface SelectAlertsInput {
  entityRef: string;
  selector: SelectorMatcher[];
  alertmanager: Array<{ server: string; alerts: AlertmanagerAlert[] }>;
  prometheus: Array<{ server: string; groups: PrometheusRuleGroup[] }>;
  runbooks: RunbookCandidate[];
  knownRunbooks: ReadonlySet<string>;
  /** The entity's level set; no levels when it has none (unknown name). */
  levelSet?: AlertLevelSet;
}

/** Labels as one comparable string: an alert's identity across sources. */
function labelKey(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map(k => [k, labels[k]]),
  );
}

const STATE_ORDER = { firing: 0, pending: 1, suppressed: 2, inactive: 3 };

/**
 * Joins what Alertmanager and Prometheus say into the entity's alerts and
 * rules. Alertmanager is the authority for firing alerts (it knows silences
 * and inhibitions); Prometheus adds pending alerts, firing alerts Alertmanager
 * has not (yet) got, every rule with its state, and the expression's value.
 * Several Alertmanagers of one HA cluster report the same alert: they are
 * counted once by fingerprint.
 */
export function selectAlerts(input: SelectAlertsInput): {
  items: Alert[];
  rules: AlertRuleStatus[];
} {
  const { selector, entityRef } = input;
  const runbookRef = (alertname: string, annotations: Record<string, string>) =>
    findRunbookRef({
      alertname,
      runbookUrl: annotations.runbook_url,
      entityRef,
      runbooks: input.runbooks,
      knownRunbooks: input.knownRunbooks,
    });
  const describe = (
    labels: Record<string, string>,
    annotations: Record<string, string>,
  ) => {
    const alertname = labels.alertname ?? '';
    return {
      alertname,
      severity: labels.severity ?? labels.priority,
      labels,
      annotations,
      runbookRef: runbookRef(alertname, annotations),
      level: input.levelSet ? alertLevel(labels, input.levelSet) : undefined,
    };
  };

  const items: Alert[] = [];
  const seen = new Map<string, Alert>();
  for (const { server, alerts } of input.alertmanager) {
    for (const alert of alerts) {
      if (!matchesSelector(selector, alert.labels)) continue;
      const key = labelKey(alert.labels);
      if (seen.has(key)) continue;
      const item: Alert = {
        ...describe(alert.labels, alert.annotations),
        state: alert.status.state === 'suppressed' ? 'suppressed' : 'firing',
        startsAt: alert.startsAt,
        source: 'alertmanager',
        fingerprint: alert.fingerprint,
        silencedBy: alert.status.silencedBy ?? [],
        inhibitedBy: alert.status.inhibitedBy ?? [],
        server,
      };
      seen.set(key, item);
      items.push(item);
    }
  }

  const rules: AlertRuleStatus[] = [];
  for (const { server, groups } of input.prometheus) {
    for (const group of groups) {
      for (const rule of group.rules) {
        const ruleLabels = { ...rule.labels, alertname: rule.name };
        const active = rule.alerts.filter(
          a =>
            a.state !== 'inactive' &&
            matchesSelector(selector, { ...a.labels, alertname: rule.name }),
        );
        // A rule belongs to the entity by its own labels or by its alerts'
        // (whose labels add the series', e.g. `job`).
        if (!matchesSelector(selector, ruleLabels) && active.length === 0) {
          continue;
        }
        for (const alert of active) {
          const labels = { ...alert.labels, alertname: rule.name };
          // Prometheus adds its external labels only to what it sends to
          // Alertmanager: the same alert there carries more labels.
          const known =
            seen.get(labelKey(labels)) ??
            items.find(
              item =>
                item.source === 'alertmanager' &&
                Object.entries(labels).every(([k, v]) => item.labels[k] === v),
            );
          if (known) {
            known.value ??= alert.value;
            continue;
          }
          const item: Alert = {
            ...describe(labels, alert.annotations),
            state: alert.state === 'firing' ? 'firing' : 'pending',
            startsAt: alert.activeAt?.toISOString(),
            source: 'prometheus',
            value: alert.value,
            server,
          };
          seen.set(labelKey(labels), item);
          items.push(item);
        }
        const described = describe(ruleLabels, rule.annotations);
        rules.push({
          name: rule.name,
          query: rule.query,
          forSeconds: rule.durationSeconds,
          labels: rule.labels,
          annotations: rule.annotations,
          state: rule.state,
          health: rule.health,
          lastError: rule.lastError,
          lastEvaluation: rule.lastEvaluation?.toISOString(),
          evaluationSeconds: rule.evaluationSeconds,
          values: active.map(a => a.value),
          activeAlerts: active.length,
          group: group.name,
          server,
          runbookRef: described.runbookRef,
          level: described.level,
        });
        if (active.length === 0 && rule.state === 'inactive') {
          items.push({
            ...described,
            state: 'inactive',
            source: 'prometheus',
            server,
          });
        }
      }
    }
  }

  items.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (a.level?.respondWithinMinutes ?? Infinity) -
        (b.level?.respondWithinMinutes ?? Infinity) ||
      (b.startsAt ?? '').localeCompare(a.startsAt ?? '') ||
      a.alertname.localeCompare(b.alertname),
  );
  return { items, rules };
}
