/**
 * The demo's ongoing incidents began before Prometheus first started, but
 * Prometheus only counts an alert's `for` from its own first evaluation: a
 * `for: 10m` rule would stay pending for ten minutes of every fresh demo.
 * Prometheus restores the `for` state of active alerts from the
 * `ALERTS_FOR_STATE` series when it restarts, so the demo backfills that
 * series for the alerts that are pending, as if they had been active since
 * before their `for` ran out, and restarts Prometheus once.
 */

/** An active alert as Prometheus's `/api/v1/alerts` lists it. */
export interface PendingAlert {
  labels: Record<string, string>;
  state: string;
}

/** An alerting rule of `/api/v1/rules`: its name, labels and `for` (seconds). */
export interface AlertingRule {
  name: string;
  labels: Record<string, string>;
  duration: number;
}

function escapeValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

/** The `for` of the rule that produced an alert: same name, its labels a subset. */
export function ruleDuration(
  alert: PendingAlert,
  rules: AlertingRule[],
): number | undefined {
  return rules.find(
    rule =>
      rule.name === alert.labels.alertname &&
      Object.entries(rule.labels).every(([k, v]) => alert.labels[k] === v),
  )?.duration;
}

/**
 * OpenMetrics text of `ALERTS_FOR_STATE` for every pending alert with a
 * `for`: active since `for` + `marginSeconds` before `nowMs`, sampled every
 * `stepSeconds` up to `nowMs`.
 */
export function forStateOpenMetrics(options: {
  alerts: PendingAlert[];
  rules: AlertingRule[];
  nowMs: number;
  stepSeconds?: number;
  marginSeconds?: number;
}): { text: string; alerts: number } {
  const { nowMs, stepSeconds = 15, marginSeconds = 120 } = options;
  const lines = ['# TYPE ALERTS_FOR_STATE gauge'];
  let count = 0;
  for (const alert of options.alerts) {
    if (alert.state !== 'pending') continue;
    const duration = ruleDuration(alert, options.rules);
    if (!duration) continue;
    const activeAt = Math.floor(nowMs / 1000) - duration - marginSeconds;
    const labels = Object.keys(alert.labels)
      .sort()
      .map(k => `${k}="${escapeValue(alert.labels[k])}"`)
      .join(',');
    for (let t = activeAt; t * 1000 <= nowMs; t += stepSeconds) {
      lines.push(`ALERTS_FOR_STATE{${labels}} ${activeAt} ${t}`);
    }
    count++;
  }
  lines.push('# EOF');
  return { text: `${lines.join('\n')}\n`, alerts: count };
}
