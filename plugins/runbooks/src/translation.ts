import {
  createTranslationRef,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';
import { executionMessages } from './translations/execution.en';

/**
 * The messages of the runbooks plugin. English is the default; the Japanese
 * messages (`./translations/ja`) load on demand when the app language is `ja`.
 *
 * @public
 */
export const runbooksTranslationRef = createTranslationRef({
  id: 'plugin.runbooks',
  messages: {
    severity: {
      label: 'Severity',
    },
    layout: {
      orphan:
        'This runbook is orphaned: the catalog no longer finds it in its locations.',
      processingError: 'The catalog could not process this runbook',
    },
    aboutCard: {
      title: 'About this runbook',
      owner: 'Owner',
      appliesTo: 'Applies to',
      alerts: 'Answers alerts',
      noAlerts: 'No alert links to this runbook.',
      none: 'None',
      description: 'Description',
      firing: 'Firing now',
      firingOn: 'This alert fires now on {{entity}}.',
      firingUnknown:
        'Whether these alerts fire now could not be read: {{message}}',
    },
    stepsCard: {
      title: 'Steps',
      noSteps: 'This runbook has no steps.',
      language: 'Language: {{language}}',
      action: 'Action: {{title}} ({{type}})',
      actionMissing: 'Action {{id}} is not defined in spec.actions.',
    },
    actionsCard: {
      title: 'Actions',
      empty: 'This runbook defines no actions.',
      type: 'Type',
      target: 'Target',
      request: 'Request',
      query: 'Query',
      expect: 'Expects',
      server: 'Prometheus server',
      duration: 'Silence for',
      durationMinutes: '{{minutes}} min',
      timeout: 'Timeout',
      timeoutSeconds: '{{seconds}} s',
      destructive: 'Destructive: asks for typed confirmation',
      parameters: 'Parameters (JSON schema)',
      noParameters: 'No parameters',
      targetNotConfigured:
        'The target {{target}} is not configured in {{configKey}}.',
      run: 'Run',
      runTitle: 'Run {{title}}',
      cannotExecute:
        'You may not run the actions of this runbook (permission ops.runbook.execute).',
      targetsMissing:
        'No action target is configured ({{configKey}}): http actions will need one to run.',
      targetsConfigured: 'Action targets configured: {{targets}}.',
      statusUnreachableTitle: 'The ops backend could not be reached',
      statusUnreachable:
        'Which action targets are configured is unknown. It answered: {{message}}',
    },
    entityRunbooksCard: {
      title: 'Runbooks',
      empty: 'No runbook in the catalog applies to this entity.',
      runbook: 'Runbook',
      alerts: 'Alerts',
      steps: 'Steps',
      notInCatalog: 'not found in the catalog',
      firing: 'Firing: {{alerts}}',
      summaryError:
        'Which alerts fire could not be read ({{message}}); runbooks are listed from the catalog.',
    },
    rawSpecCard: {
      title: 'Specification',
      subheader: 'spec of {{ref}} as YAML',
      empty: 'This entity has no spec.',
    },
    execution: executionMessages,
  },
  translations: {
    ja: () => import('./translations/ja'),
  },
});

/**
 * The Japanese translation of {@link runbooksTranslationRef} as a resource,
 * for apps that register translation resources explicitly (the ref already
 * loads it by default).
 *
 * @public
 */
export const runbooksTranslations = createTranslationResource({
  ref: runbooksTranslationRef,
  translations: {
    ja: () => import('./translations/ja'),
  },
});
