import type { BurnRateTier } from '../slo/burnRate';

/** A Prometheus recording rule. @public */
export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

/** A Prometheus alerting rule. @public */
export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** One rule group: the rules of one SLO, evaluated in order. @public */
export interface SloRuleGroup {
  name: string;
  rules: Array<RecordingRule | AlertingRule>;
  /** The SLO the group is generated from, e.g. `slo:default/api-availability`. */
  sloRef: string;
  /** Caveats written above the group as YAML comments. */
  notes: string[];
}

/** What {@link generateSloRules} made of the catalog. @public */
export interface SloRuleSet {
  groups: SloRuleGroup[];
  /** SLOs no rules could be generated for, and why: written as YAML comments. */
  skipped: Array<{ sloRef: string; reason: string }>;
}

/** Names and labels of the generated rules; every field has a neutral default. @public */
export interface SloRuleOptions {
  /** The alertname of the burn-rate alerts; default `SLOErrorBudgetBurn`. Runbooks list it in `spec.alerts`. */
  alertName?: string;
  /** The label carrying the severity; default `severity`. */
  severityLabel?: string;
  /** Severity label values of the page and ticket tiers; default `page` and `ticket`. */
  severities?: { page?: string; ticket?: string };
  /**
   * The portal's base URL (`app.baseUrl`) for `runbook_url`; without it the
   * URL is the path alone (`/catalog/default/runbook/x`).
   */
  portalBaseUrl?: string;
  /**
   * Extra labels of every burn-rate alert, e.g. `{ team: sre }` for routing;
   * an SLO's `unyo.dev/rule-labels` overrides them per name.
   */
  labels?: Record<string, string>;
  /**
   * Extra annotations of every burn-rate alert (Prometheus templates allowed);
   * an SLO's `unyo.dev/rule-annotations` overrides them per name.
   */
  annotations?: Record<string, string>;
  /**
   * The annotation linking each alert to its SLO's portal page
   * (`<portalBaseUrl>/catalog/<namespace>/slo/<name>`); default `slo_url`.
   */
  sloUrlAnnotation?: string;
  /** The alert tiers; default the SLO card's ({@link DEFAULT_BURN_RATE_TIERS}). */
  tiers?: readonly BurnRateTier[];
}

/** Narrows the generated SLOs; refs are full entity refs. @public */
export interface SloRuleFilter {
  /** SLOs measuring this entity, or this SLO itself. */
  entityRef?: string;
  /** SLOs whose measured entity this group or user owns. */
  owner?: string;
}

/** The two file formats: a Prometheus rule file, or the Kubernetes resource of the Prometheus operator. @public */
export type SloRuleFormat = 'prometheus' | 'prometheusrule';
