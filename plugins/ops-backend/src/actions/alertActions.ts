import { RunbookSummary } from '@unyo/plugin-ops-common';
import {
  checkedOutput,
  entityRefInput,
  entityRefOf,
  READ_ONLY,
} from './schemas';
import { OpsActionsRegistration, Zod } from './types';

/** A runbook as an alert or a list names it: enough to pick an action to run. */
export function runbookSummarySchema(z: Zod) {
  return z
    .object({
      ref: z
        .string()
        .describe('runbook:<namespace>/<name>; pass it to get-runbook'),
      title: z.string(),
      severity: z.string().optional(),
      actions: z
        .array(
          z.object({
            id: z.string().describe('actionId for execute-runbook-action'),
            title: z.string(),
            type: z
              .string()
              .describe(
                'http, prometheus-query, health-check, alertmanager-silence ...',
              ),
            destructive: z
              .boolean()
              .describe(
                'true: execute-runbook-action needs confirmation = the runbook name',
              ),
          }),
        )
        .describe(
          'Actions the portal can run; their parameters are in get-runbook',
        ),
      canExecute: z
        .boolean()
        .describe(
          'Whether the caller holds ops.runbook.execute on this runbook',
        ),
    })
    .passthrough();
}

function firingAlertSchema(z: Zod) {
  return z.object({
    alertname: z.string(),
    state: z
      .enum(['firing', 'suppressed'])
      .describe('suppressed: silenced or inhibited in Alertmanager'),
    severity: z.string().optional(),
    level: z
      .object({ id: z.string(), name: z.string() })
      .passthrough()
      .optional()
      .describe(
        'Response level from ops.alerts.levelSets, with its response time',
      ),
    startsAt: z.string().optional().describe('ISO time it started firing'),
    summary: z.string().optional().describe('The summary annotation'),
    description: z.string().optional().describe('The description annotation'),
    labels: z.record(z.string()),
    runbookRef: z.string().optional(),
    runbook: runbookSummarySchema(z)
      .optional()
      .describe(
        'The runbook that answers this alert, when the catalog has one',
      ),
  });
}

/** `list-firing-alerts`: what fires on an entity now, each with its runbook. */
export const registerAlertActions: OpsActionsRegistration = (
  registry,
  { alerts, runbooks },
) => {
  if (!alerts) return;
  registry.register({
    name: 'list-firing-alerts',
    title: 'List firing alerts with their runbooks',
    description:
      'Lists the alerts firing now on a catalog entity (from Alertmanager and Prometheus rules, ' +
      "selected by the entity's unyo.dev/alert-selector), each with the runbook that answers it and that runbook's " +
      'executable actions. Start an incident investigation here, then use get-runbook and execute-runbook-action.',
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z, 'the entity whose alerts to read'),
          includeSuppressed: z
            .boolean()
            .optional()
            .describe('Also list silenced or inhibited alerts (default false)'),
        }),
      output: z =>
        z.object({
          items: z.array(firingAlertSchema(z)),
          sourceErrors: z
            .array(
              z
                .object({
                  source: z.string(),
                  server: z.string(),
                  message: z.string(),
                })
                .passthrough(),
            )
            .describe(
              'Servers that could not be read: the list may be incomplete',
            ),
          notConfigured: z
            .array(z.string())
            .describe('Config keys not set, e.g. ops.alertmanager.servers'),
          error: z
            .string()
            .optional()
            .describe("Why the entity's alert selector cannot be used"),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = entityRefOf(input.entityRef, 'entityRef');
      const [answer, answering] = await Promise.all([
        alerts.listForEntity(entityRef, credentials),
        runbooks.listForEntity(entityRef, credentials),
      ]);
      const byRef = new Map<string, RunbookSummary>(
        answering.items.map(r => [r.ref, r]),
      );
      const states = input.includeSuppressed
        ? ['firing', 'suppressed']
        : ['firing'];
      const items = answer.items
        .filter(a => states.includes(a.state))
        .map(a => ({
          alertname: a.alertname,
          state: a.state as 'firing' | 'suppressed',
          severity: a.severity,
          level: a.level,
          startsAt: a.startsAt,
          summary: a.annotations.summary,
          description: a.annotations.description,
          labels: a.labels,
          runbookRef: a.runbookRef,
          runbook: a.runbookRef ? byRef.get(a.runbookRef) : undefined,
        }));
      return {
        output: {
          items: checkedOutput(items),
          sourceErrors: checkedOutput(answer.sourceErrors),
          notConfigured: answer.notConfigured,
          error: answer.error?.message,
        },
      };
    },
  });
};
