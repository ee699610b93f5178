import { PrometheusAlertingRule, PrometheusRuleGroup } from './types';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : undefined;

function labels(v: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(obj(v)).filter(([, value]) => typeof value === 'string'),
  ) as Record<string, string>;
}

function date(v: unknown): Date | undefined {
  const s = str(v);
  // Never-evaluated rules report Go's zero time.
  if (!s || s.startsWith('0001-')) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const STATES = ['firing', 'pending', 'inactive'] as const;
function state(v: unknown): 'firing' | 'pending' | 'inactive' | undefined {
  return STATES.find(s => s === v);
}

/**
 * Reads the `data` of `/api/v1/rules`, keeping alerting rules only. Values
 * come as strings ("1234", "NaN", "+Inf"), as in query results.
 */
export function parseRulesData(data: unknown): PrometheusRuleGroup[] {
  const groups = obj(data).groups;
  if (!Array.isArray(groups)) {
    throw new Error('the rules answer has no groups');
  }
  return groups.map(g => {
    const group = obj(g);
    const rules = arr(group.rules)
      .map(obj)
      .filter(rule => rule.type === 'alerting')
      .map((rule): PrometheusAlertingRule => {
        const alerts = arr(rule.alerts).map(a => {
          const alert = obj(a);
          return {
            labels: labels(alert.labels),
            annotations: labels(alert.annotations),
            state: state(alert.state) ?? 'inactive',
            activeAt: date(alert.activeAt),
            value: Number(str(alert.value) ?? NaN),
          };
        });
        let derived: 'firing' | 'pending' | 'inactive' = 'inactive';
        if (alerts.some(a => a.state === 'firing')) derived = 'firing';
        else if (alerts.some(a => a.state === 'pending')) derived = 'pending';
        const evaluation = Number(rule.evaluationTime);
        return {
          name: str(rule.name) ?? '',
          query: str(rule.query) ?? '',
          durationSeconds: Number(rule.duration) || 0,
          labels: labels(rule.labels),
          annotations: labels(rule.annotations),
          alerts,
          state: state(rule.state) ?? derived,
          health: str(rule.health) ?? 'unknown',
          lastError: str(rule.lastError) || undefined,
          lastEvaluation: date(rule.lastEvaluation),
          evaluationSeconds: Number.isFinite(evaluation)
            ? evaluation
            : undefined,
        };
      });
    return {
      name: str(group.name) ?? '',
      file: str(group.file) ?? '',
      rules,
    };
  });
}
