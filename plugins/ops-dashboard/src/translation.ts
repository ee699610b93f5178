import {
  createTranslationRef,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';
import { alertsMessages } from './translations/alerts.en';
import { healthMessages } from './translations/health.en';
import { backupsMessages } from './translations/backups.en';
import { reportMessages } from './translations/report.en';
import { assumptionsMessages } from './translations/assumptions.en';
import { summaryMessages } from './translations/summary.en';
import { correctionsMessages } from './translations/corrections.en';
import { sloGroupsMessages } from './translations/groups.en';
import { previewMessages } from './translations/preview.en';
import { changesMessages } from './translations/changes.en';
import { journeysMessages } from './translations/journeys.en';

/**
 * The messages of the ops-dashboard plugin. English is the default; the
 * Japanese messages (`./translations/ja`) load on demand when the app
 * language is `ja`.
 *
 * @public
 */
export const opsDashboardTranslationRef = createTranslationRef({
  id: 'plugin.ops-dashboard',
  messages: {
    status: {
      checking: 'Checking which data sources the ops backend has…',
      unreachableTitle: 'The ops backend could not be reached',
      unreachable:
        'Live status needs the Unyo ops backend (/api/ops). It answered: {{message}}',
      sloMissing:
        'Live SLO status is not available: no Prometheus server is configured ({{configKey}}).',
      sloUnavailable:
        'Live SLO status could not be loaded: {{message}}. The SLOs below are what the catalog declares.',
      backupsMissing:
        'Live backup status is not available: no backup source is configured ({{configKey}}).',
      alertsMissing:
        'Firing alerts are not shown: no Alertmanager server is configured ({{configKey}}).',
    },
    units: {
      seconds: '{{value}} s',
      minutes: '{{value}} min',
      hours: '{{value}} h',
      days: '{{value}} d',
      percent: '{{value}} %',
      burnRate: '{{value}}×',
    },
    time: {
      justNow: 'just now',
      secondsAgo: '{{value}} s ago',
      minutesAgo: '{{value}} min ago',
      hoursAgo: '{{value}} h ago',
      daysAgo: '{{value}} d ago',
    },
    window: {
      rolling: 'Rolling {{duration}}',
      calendar: 'Calendar-aligned {{duration}}',
      calendarMonth: 'Calendar month',
      calendarQuarter: 'Calendar quarter',
      calendarYear: 'Calendar year',
      calendarWeek: 'Calendar week',
      inZone: '{{window}} ({{timeZone}})',
      unknown: 'Not declared',
      durationUnits: {
        m_one: '{{count}} minute',
        m_other: '{{count}} minutes',
        h_one: '{{count}} hour',
        h_other: '{{count}} hours',
        d_one: '{{count}} day',
        d_other: '{{count}} days',
        w_one: '{{count}} week',
        w_other: '{{count}} weeks',
        M_one: '{{count}} month',
        M_other: '{{count}} months',
        Q_one: '{{count}} quarter',
        Q_other: '{{count}} quarters',
        Y_one: '{{count}} year',
        Y_other: '{{count}} years',
      },
    },
    budgeting: {
      Occurrences: 'Occurrences: the share of good events',
      Timeslices: 'Timeslices: the share of good time slices',
      RatioTimeslices: 'RatioTimeslices: the average ratio of the time slices',
      unknown: 'Not declared',
    },
    indicator: {
      ratio: 'Ratio of good events to total',
      ratioBad: 'Ratio of bad events to total',
      threshold: 'Threshold per time slice',
      unknown: 'Not recognised',
      counter: 'counters',
      source: 'source: {{types}}',
      noSource: 'no metric source declared',
      sliNotFound: 'The SLI {{ref}} is not in the catalog.',
      inline: 'inline in the SLO',
    },
    sloSummaryCard: {
      title: 'Service level objective',
      service: 'Measures',
      owner: 'Owner (of the measured entity)',
      ownerUnknown: 'Unknown: the measured entity has no owner in the catalog',
      description: 'Description',
      objectives: 'Objectives',
      objective: 'Objective',
      target: 'Target',
      errorBudget: 'Error budget over the window',
      timeWindow: 'Time window',
      budgetingMethod: 'Budgeting method',
      indicator: 'Indicator',
      noObjectives: 'The SLO declares no objectives.',
      budgetOccurrences:
        '{{share}} of events may fail (a full outage would use it up in {{duration}})',
      budgetTimeslices: '{{duration}} of bad time slices',
      budgetShareOnly: '{{share}} of events may fail',
      timeSlice: 'each {{window}} slice is good when {{condition}}',
    },
    sloTable: {
      slo: 'SLO',
      targets: 'Target',
      window: 'Window',
      allowed: 'Error budget',
      notInCatalog: 'not found in the catalog',
    },
    sloStatus: {
      policyBands:
        'Policy "{{name}}": feature freeze at {{freeze}} of the budget or less, incidents only below {{incident}}',
      budgetLeft: 'budget left',
      budgetLeftLabel: 'Error budget left: {{value}}',
      sliVsTarget: 'SLI / target',
      policy: {
        normal: 'Normal: ship features',
        featureFreeze: 'Feature freeze: reliability work first',
        incidentOnly: 'Incidents only: fix what burns the budget',
        frozen: 'Budget exhausted: change freeze',
      },
      burnRates: 'Burn rate',
      noTraffic: 'no traffic in this window',
      alertPage:
        'Page: burning faster than {{factor}} over {{long}} and {{short}}',
      alertTicket:
        'Ticket: burning faster than {{factor}} over {{long}} and {{short}}',
      exhaustion: 'Budget used up in {{duration}} at the current burn rate',
      allowedDowntime:
        'Allowed downtime: {{duration}} / {{window}} at {{target}}',
      excludedMaintenance: '{{duration}} of planned maintenance excluded',
      evaluated: 'Evaluated {{ago}}',
      noData:
        'No traffic in the window ({{window}}): there is no SLI yet, which is not the same as 100 %.',
      errorStale: '{{message}} — showing values from {{ago}}',
      errorNoValues: '{{message}} — no earlier values to show',
      declaredOnly:
        'Declared in the catalog; the ops backend returned no live status for these SLOs:',
    },
    sloStatusCard: {
      title: 'Error budget',
    },
    sloEvaluation: {
      title: 'How this SLO is evaluated',
      selector:
        'Batched selector: counter selectors read with increase(), in one query with the other SLOs of the same shape.',
      expression:
        'Expression: any PromQL, one query per window; counters read with increase() per series, rates integrated over the window.',
      template:
        'Template: each window measured is written into the query where its window template stands.',
      timeslices:
        'Time slices: each slice of the window is judged good or bad on its own.',
      queries:
        'PromQL run for the {{window}} window (other windows change only the ranges):',
      batched: "Shown is this SLO's share of the batched query.",
    },
    burnDownChart: {
      title: 'Error budget burn-down',
      remainingRolling: 'Rolling {{window}} remaining at t',
      remainingCalendar: 'Budget remaining ({{window}})',
      ideal: 'Ideal: even burn to 0 at the end of the window',
      zero: 'Exhausted',
      sliTitle: 'SLI',
      target: 'Target {{target}}',
      empty:
        'No history yet: the ops backend has no evaluations of this SLO in the window.',
      loading: 'Loading the chart…',
      summary: '{{points}} points from {{from}} to {{to}}',
    },
    entitySloCard: {
      title: 'Service level objectives',
      empty: 'No SLO in the catalog measures this entity.',
    },
    opsContent: {
      slosTitle: 'Service level objectives',
      slosEmpty:
        'No SLO in the catalog measures this entity. An SLO names it in spec.service.',
      backupsTitle: 'Backup policies',
      backupsEmpty:
        'No backup policy in the catalog protects this entity. A BackupPolicy names it in spec.protects.',
      runbooksTitle: 'Runbooks',
      runbooksEmpty:
        'No runbook in the catalog applies to this entity. A Runbook names it in spec.appliesTo.',
      policy: 'Policy',
      rpo: 'RPO',
      rto: 'RTO',
      targets: 'Backup targets',
      restoreTest: 'Restore test every {{every}}',
      runbook: 'Runbook',
      severity: 'Severity',
      alerts: 'Alerts',
      steps: 'Steps',
    },
    relationsCard: {
      title: 'Relations',
      empty: 'This entity has no relations in the catalog.',
      types: {
        ownedBy: 'Owner',
        ownerOf: 'Owns',
        measures: 'Measures',
        measuredBy: 'Measured by',
        protects: 'Protects',
        protectedBy: 'Protected by',
        runbookFor: 'Runbook for',
        hasRunbook: 'Runbooks',
        partOf: 'Part of',
        hasPart: 'Has parts',
        dependsOn: 'Depends on',
        dependencyOf: 'Dependency of',
        journeyOf: 'Journey of',
        hasJourney: 'Journeys',
      },
    },
    rawSpecCard: {
      title: 'Specification',
      subheader: 'spec of {{ref}} as YAML',
      empty: 'This entity has no spec.',
    },
    contentTitle: 'Operations',
    alerts: alertsMessages,
    health: healthMessages,
    backups: backupsMessages,
    report: reportMessages,
    assumptions: assumptionsMessages,
    summary: summaryMessages,
    corrections: correctionsMessages,
    sloGroups: sloGroupsMessages,
    preview: previewMessages,
    changes: changesMessages,
    journeysCard: journeysMessages,
  },
  translations: {
    ja: () => import('./translations/ja'),
  },
});

/**
 * The Japanese translation of {@link opsDashboardTranslationRef} as a
 * resource, for apps that register translation resources explicitly (the ref
 * already loads it by default).
 *
 * @public
 */
export const opsDashboardTranslations = createTranslationResource({
  ref: opsDashboardTranslationRef,
  translations: {
    ja: () => import('./translations/ja'),
  },
});
