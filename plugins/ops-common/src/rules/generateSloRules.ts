import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_ALERT_SELECTOR,
  ANNOTATION_EXCLUDE_MAINTENANCE,
  SliEntity,
  SloEntity,
} from '../kinds';
import { findRunbookRef, toRunbookCandidate } from '../alerts/runbooks';
import { formatMatcher, parseAlertSelector } from '../alerts/selector';
import { BURN_RATE_WINDOW_SECONDS, BURN_RATE_WINDOWS } from '../slo/types';
import {
  DEFAULT_BURN_RATE_TIERS,
  evaluateBurnRateAlerts,
} from '../slo/burnRate';
import { budgetFraction, objectiveTargetPpm } from '../slo/target';
import { resolveWindow } from '../slo/window';
import { getSloServiceRef } from '../validation/entityRefs';
import { burnAlert } from './burnAlert';
import { errorRatioRecord, sliErrorRatioQuery } from './errorRatioQuery';
import { labelsForSelector } from './ruleLabels';
import { ruleOrganisation, sloPageUrl } from './ruleOrganisation';
import { RuleSliError, ruleSliOf } from './ruleSli';
import { entityOwnerRef } from './entityOwner';
import type {
  RecordingRule,
  SloRuleFilter,
  SloRuleGroup,
  SloRuleOptions,
  SloRuleSet,
} from './types';

/** The catalog entities rules are generated from. @public */
export interface SloRulesInput {
  slos: readonly SloEntity[];
  /** SLIs the SLOs may name in `indicatorRef`. */
  slis: readonly SliEntity[];
  /** The measured entities: their alert selector and owner. */
  entities: readonly Entity[];
  /** Runbooks: the one answering the burn alert gives `runbook_url`. */
  runbooks: readonly Entity[];
  /** Calendar windows' factors are scaled to the period containing it; default now. */
  now?: Date;
}

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/**
 * Prometheus rules for the SLOs of the catalog: per SLO, the error ratio over
 * each burn-rate window, and one alert per multi-window tier with the SLO
 * card's factors. SLOs rules cannot be written for are listed with why.
 *
 * @public
 */
export function generateSloRules(
  input: SloRulesInput,
  options: SloRuleOptions = {},
  filter: SloRuleFilter = {},
): SloRuleSet {
  const now = input.now ?? new Date();
  const slis = new Map(
    input.slis.map(s => [
      lower(`${s.metadata.namespace ?? 'default'}/${s.metadata.name}`),
      s,
    ]),
  );
  const entities = new Map(
    input.entities.map(e => [lower(stringifyEntityRef(e)), e]),
  );
  const runbooks = input.runbooks.map(toRunbookCandidate);
  const result: SloRuleSet = { groups: [], skipped: [] };

  for (const slo of [...input.slos].sort((a, b) =>
    stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
  )) {
    const sloRef = lower(stringifyEntityRef(slo));
    let entityRef: string;
    try {
      entityRef = lower(getSloServiceRef(slo));
    } catch (e) {
      result.skipped.push({
        sloRef,
        reason: `spec.service: ${(e as Error).message}`,
      });
      continue;
    }
    const entity = entities.get(entityRef);
    const wanted = filter.entityRef && lower(filter.entityRef);
    if (wanted && wanted !== entityRef && wanted !== sloRef) continue;
    if (
      filter.owner &&
      (!entity || entityOwnerRef(entity) !== lower(filter.owner))
    ) {
      continue;
    }
    try {
      result.groups.push(
        sloGroup({
          slo,
          sloRef,
          entityRef,
          entity,
          slis,
          runbooks,
          now,
          options,
        }),
      );
    } catch (e) {
      if (
        !(
          e instanceof RuleSliError ||
          e instanceof RangeError ||
          e instanceof TypeError
        )
      ) {
        throw e;
      }
      result.skipped.push({ sloRef, reason: e.message });
    }
  }
  return result;
}

function sloGroup(ctx: {
  slo: SloEntity;
  sloRef: string;
  entityRef: string;
  entity?: Entity;
  slis: ReadonlyMap<string, SliEntity>;
  runbooks: ReturnType<typeof toRunbookCandidate>[];
  now: Date;
  options: SloRuleOptions;
}): SloRuleGroup {
  const { slo, sloRef, entityRef, entity, options } = ctx;
  const objective = slo.spec.objectives[0];
  if (!objective) throw new RuleSliError('the SLO has no objectives');
  const targetPpm = objectiveTargetPpm(objective);
  const sli = ruleSliOf(slo, ctx.slis);
  const timeWindow = slo.spec.timeWindow?.[0] ?? {
    duration: '30d',
    isRolling: true,
  };
  const period = resolveWindow(timeWindow, ctx.now);
  const tiers = evaluateBurnRateAlerts(
    {},
    {
      periodSeconds: period.periodSeconds,
      tiers: options.tiers ?? DEFAULT_BURN_RATE_TIERS,
    },
  );

  const notes: string[] = [];
  const namespace = slo.metadata.namespace ?? 'default';
  const sloLabel =
    namespace === 'default'
      ? slo.metadata.name
      : `${namespace}/${slo.metadata.name}`;
  const alertName = options.alertName ?? 'SLOErrorBudgetBurn';
  const severityLabel = options.severityLabel ?? 'severity';
  let selectorLabels: Record<string, string> = {};
  const selector = entity?.metadata.annotations?.[ANNOTATION_ALERT_SELECTOR];
  if (!entity) {
    notes.push(
      `${entityRef} is not in the catalog: its alert selector cannot label these rules`,
    );
  } else if (!selector?.trim()) {
    notes.push(
      `${entityRef} has no ${ANNOTATION_ALERT_SELECTOR} annotation: its alerts card will not list these alerts`,
    );
  } else {
    try {
      const labelled = labelsForSelector(parseAlertSelector(selector), {
        slo: sloLabel,
        alertname: alertName,
      });
      if ('error' in labelled) notes.push(`${entityRef}: ${labelled.error}`);
      else selectorLabels = labelled.labels;
    } catch (e) {
      notes.push(`${entityRef}: ${(e as Error).message}`);
    }
  }
  if (slo.metadata.annotations?.[ANNOTATION_EXCLUDE_MAINTENANCE] === 'true') {
    notes.push(
      'maintenance windows are not excluded by these rules: silence the alerts during maintenance',
    );
  }
  if (period.calendar) {
    notes.push(
      `factors are scaled to the current ${timeWindow.duration} period (${
        period.periodSeconds / 86400
      } days): regenerate each period`,
    );
  }

  const labels = { slo: sloLabel, ...selectorLabels };
  // The organisation's routing labels, annotations and severity names:
  // never in place of the labels the alerts card selects by.
  const org = ruleOrganisation(slo, options, [
    'alertname',
    severityLabel,
    'long_window',
    'short_window',
    ...Object.keys(labels),
  ]);
  notes.push(...org.notes);
  const windows = BURN_RATE_WINDOWS.filter(w =>
    tiers.some(t => t.longWindow === w || t.shortWindow === w),
  );
  const recordings: RecordingRule[] = windows.map(w => ({
    record: errorRatioRecord(w),
    expr: sliErrorRatioQuery(sli, BURN_RATE_WINDOW_SECONDS[w]),
    labels,
  }));

  const runbookRef =
    findRunbookRef({
      alertname: alertName,
      entityRef,
      runbooks: ctx.runbooks,
      knownRunbooks: new Set(),
    }) ??
    findRunbookRef({
      alertname: alertName,
      entityRef: sloRef,
      runbooks: ctx.runbooks,
      knownRunbooks: new Set(),
    });
  const budget = String(budgetFraction(targetPpm));
  const alerts = tiers.map(tier =>
    burnAlert({
      tier,
      alertName,
      selector: `{${formatMatcher({ name: 'slo', op: '=', value: sloLabel })}}`,
      budget,
      labels: {
        ...org.labels,
        ...labels,
        [severityLabel]: org.severities[tier.severity] ?? tier.severity,
        long_window: tier.longWindow,
        short_window: tier.shortWindow,
      },
      annotations: {
        ...org.annotations,
        [options.sloUrlAnnotation ?? 'slo_url']: sloPageUrl(
          slo,
          options.portalBaseUrl,
        ),
      },
      title:
        slo.metadata.title ??
        (slo.metadata as { displayName?: string }).displayName ??
        slo.metadata.name,
      sloRef,
      entityRef,
      targetPpm,
      periodSeconds: period.periodSeconds,
      events: sli.kind === 'threshold' ? 'time slices' : 'events',
      runbookUrl: runbookRef && runbookUrl(runbookRef, options.portalBaseUrl),
    }),
  );
  return { name: sloRef, sloRef, notes, rules: [...recordings, ...alerts] };
}

/** The portal page of a runbook, which the alerts card recognises. */
function runbookUrl(ref: string, base = ''): string {
  const [, namespace, name] = /^runbook:([^/]+)\/(.+)$/.exec(ref)!;
  return `${base.replace(/\/+$/, '')}/catalog/${encodeURIComponent(
    namespace,
  )}/runbook/${encodeURIComponent(name)}`;
}
