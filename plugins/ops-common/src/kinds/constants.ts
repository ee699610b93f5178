/** apiVersion of the OpenSLO documents (all seven OpenSLO kinds) the catalog accepts. @public */
export const OPENSLO_API_VERSION = 'openslo/v1';

/** apiVersion of Unyo's own kinds (Runbook, BackupPolicy and CompositeSLO). @public */
export const UNYO_API_VERSION = 'unyo.dev/v1alpha1';

/** @public */
export const SLO_KIND = 'SLO';
/** @public */
export const SLI_KIND = 'SLI';
/** @public */
export const ALERT_POLICY_KIND = 'AlertPolicy';
/** @public */
export const ALERT_CONDITION_KIND = 'AlertCondition';
/** @public */
export const ALERT_NOTIFICATION_TARGET_KIND = 'AlertNotificationTarget';
/** @public */
export const DATA_SOURCE_KIND = 'DataSource';
/** OpenSLO's `Service` (`openslo/v1`), not a Backstage kind. @public */
export const OPENSLO_SERVICE_KIND = 'Service';
/** @public */
export const RUNBOOK_KIND = 'Runbook';
/** @public */
export const BACKUP_POLICY_KIND = 'BackupPolicy';
/** A journey SLO: the weighted mean of other SLOs' SLIs. @public */
export const COMPOSITE_SLO_KIND = 'CompositeSLO';

/** An SLO measures the entity named by its `spec.service`. @public */
export const RELATION_MEASURES = 'measures';
/** Reverse of {@link RELATION_MEASURES}. @public */
export const RELATION_MEASURED_BY = 'measuredBy';
/** An SLO has each AlertPolicy named in its `spec.alertPolicies`. @public */
export const RELATION_HAS_ALERT_POLICY = 'hasAlertPolicy';
/** Reverse of {@link RELATION_HAS_ALERT_POLICY}. @public */
export const RELATION_ALERT_POLICY_FOR = 'alertPolicyFor';
/**
 * An AlertPolicy (or an SLO, through a policy written inline) has the
 * AlertCondition named by a `conditionRef`.
 *
 * @public
 */
export const RELATION_HAS_ALERT_CONDITION = 'hasAlertCondition';
/** Reverse of {@link RELATION_HAS_ALERT_CONDITION}. @public */
export const RELATION_ALERT_CONDITION_FOR = 'alertConditionFor';
/**
 * An AlertPolicy (or an SLO, through a policy written inline) notifies the
 * AlertNotificationTarget named by a `targetRef`.
 *
 * @public
 */
export const RELATION_NOTIFIES = 'notifies';
/** Reverse of {@link RELATION_NOTIFIES}. @public */
export const RELATION_NOTIFIED_BY = 'notifiedBy';
/** A Runbook is for each entity in its `spec.appliesTo`. @public */
export const RELATION_RUNBOOK_FOR = 'runbookFor';
/** Reverse of {@link RELATION_RUNBOOK_FOR}. @public */
export const RELATION_HAS_RUNBOOK = 'hasRunbook';
/** A BackupPolicy protects each entity in its `spec.protects`. @public */
export const RELATION_PROTECTS = 'protects';
/** Reverse of {@link RELATION_PROTECTS}. @public */
export const RELATION_PROTECTED_BY = 'protectedBy';
/**
 * A CompositeSLO is a journey of the System (or service) named by its
 * `spec.system` (or `spec.service`).
 *
 * @public
 */
export const RELATION_JOURNEY_OF = 'journeyOf';
/** Reverse of {@link RELATION_JOURNEY_OF}. @public */
export const RELATION_HAS_JOURNEY = 'hasJourney';

/**
 * Prometheus/Alertmanager label matchers selecting an entity's alerts and
 * alert rules, e.g. `service="identity-service"`.
 *
 * @public
 */
export const ANNOTATION_ALERT_SELECTOR = 'unyo.dev/alert-selector';
/** Health endpoints to probe, comma separated. @public */
export const ANNOTATION_HEALTH_URL = 'unyo.dev/health-url';
/**
 * Planned maintenance as an iCalendar RRULE with DURATION and TZID, e.g.
 * `FREQ=MONTHLY;BYDAY=3SU;BYHOUR=2;DURATION=PT4H;TZID=Asia/Tokyo`.
 *
 * @public
 */
export const ANNOTATION_MAINTENANCE_WINDOW = 'unyo.dev/maintenance-window';
/**
 * On an SLO: `"true"` removes the maintenance windows of the measured entity
 * (and its system) from good and total.
 *
 * @public
 */
export const ANNOTATION_EXCLUDE_MAINTENANCE = 'unyo.dev/exclude-maintenance';
/**
 * The name of the alert level set (app-config `ops.alerts.levelSets.<name>`)
 * for the entity's alerts; looked up on the entity, then on its System.
 *
 * @public
 */
export const ANNOTATION_ALERT_LEVEL_SET = 'unyo.dev/alert-level-set';
/**
 * The name of the error-budget policy (app-config `ops.slo.policies.<name>`)
 * of an SLO; looked up on the SLO, its measured entity, then that entity's
 * System.
 *
 * @public
 */
export const ANNOTATION_ERROR_BUDGET_POLICY = 'unyo.dev/error-budget-policy';
/**
 * On an SLO: extra labels of its generated burn-rate alerts (routing, e.g.
 * `team=payments, route=pagerduty`): `name=value` pairs separated by commas
 * or new lines; they override `ops.slo.rules.labels` (docs/generated-rules.md).
 *
 * @public
 */
export const ANNOTATION_RULE_LABELS = 'unyo.dev/rule-labels';
/**
 * On an SLO: extra annotations of its generated burn-rate alerts, one
 * `name=value` per line (values may hold commas and spaces); they override
 * `ops.slo.rules.annotations`.
 *
 * @public
 */
export const ANNOTATION_RULE_ANNOTATIONS = 'unyo.dev/rule-annotations';
/**
 * On an SLO: the severity label values of its page and ticket alerts, e.g.
 * `page=P1, ticket=P3`; they override `ops.slo.rules.severities`.
 *
 * @public
 */
export const ANNOTATION_RULE_SEVERITIES = 'unyo.dev/rule-severities';
/**
 * Fields of an example entity that its source document does not state,
 * comma separated field paths such as `spec.rpo,spec.targets[0].schedule`
 * (docs/catalog-model.md).
 *
 * @public
 */
export const ANNOTATION_ASSUMPTIONS = 'unyo.dev/assumptions';

/**
 * On an SLO: Prometheus label names, comma separated (e.g. `service`). The
 * SLO is also evaluated once per value of those labels, each group with its
 * own SLI, budget, policy and burn rates (docs/catalog-model.md).
 *
 * @public
 */
export const ANNOTATION_GROUP_BY = 'unyo.dev/group-by';

/**
 * Unyo's relations as pairs of a relation and its reverse, in the shape the
 * catalog graph takes (`relationPairs`) to draw each pair as one edge.
 *
 * @public
 */
export const OPS_RELATION_PAIRS: ReadonlyArray<readonly [string, string]> = [
  [RELATION_MEASURES, RELATION_MEASURED_BY],
  [RELATION_RUNBOOK_FOR, RELATION_HAS_RUNBOOK],
  [RELATION_PROTECTS, RELATION_PROTECTED_BY],
  [RELATION_JOURNEY_OF, RELATION_HAS_JOURNEY],
];
