import { READ_ONLY, runbookRefOf } from './schemas';
import { OpsActionsRegistration } from './types';

/** `get-runbook`: a runbook's steps and its actions with their parameter schemas. */
export const registerRunbookActions: OpsActionsRegistration = (
  registry,
  { runbooks },
) => {
  registry.register({
    name: 'get-runbook',
    title: 'Get a runbook',
    description:
      'Reads a Runbook from the catalog: its steps (what to check and do, with commands shown for people, never run) ' +
      'and its executable actions with the JSON schema of their parameters. Read it before execute-runbook-action.',
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          runbookRef: z
            .string()
            .min(1)
            .max(255)
            .describe(
              'The runbook, runbook:<namespace>/<name>, e.g. runbook:default/mairust-queue-backlog (list-firing-alerts names them)',
            ),
        }),
      output: z =>
        z.object({
          ref: z.string(),
          name: z
            .string()
            .describe(
              'metadata.name: the confirmation destructive actions require',
            ),
          title: z.string().optional(),
          description: z.string().optional(),
          severity: z.string().optional(),
          owner: z.string().describe('The owning group'),
          appliesTo: z
            .array(z.string())
            .describe('Entities the runbook applies to'),
          alerts: z.array(z.string()).describe('Alert names it answers'),
          steps: z.array(
            z.object({
              title: z.string(),
              description: z.string().optional().describe('Markdown'),
              run: z
                .string()
                .optional()
                .describe(
                  'A command for a person to run; the portal never runs it',
                ),
              language: z.string().optional(),
              action: z
                .string()
                .optional()
                .describe('The id of the action this step runs'),
            }),
          ),
          actions: z.array(
            z.object({
              id: z.string().describe('actionId for execute-runbook-action'),
              title: z.string(),
              description: z.string().optional(),
              type: z.string(),
              destructive: z
                .boolean()
                .describe(
                  'true: execute-runbook-action requires confirmation = name',
                ),
              timeoutSeconds: z.number().optional(),
              parameters: z
                .record(z.unknown())
                .optional()
                .describe(
                  'JSON schema of the parameters execute-runbook-action takes',
                ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = runbookRefOf(input.runbookRef);
      const runbook = await runbooks.getRunbook(ref, credentials);
      const { spec, metadata } = runbook;
      return {
        output: {
          ref,
          name: metadata.name,
          title: metadata.title,
          description: spec.description ?? metadata.description,
          severity: spec.severity,
          owner: spec.owner,
          appliesTo: spec.appliesTo,
          alerts: spec.alerts ?? [],
          steps: spec.steps.map(step => ({
            title: step.title,
            description: step.description,
            run: step.run,
            language: step.language,
            action: step.action,
          })),
          // Targets and request templates stay out: they are the backend's business.
          actions: (spec.actions ?? []).map(action => ({
            id: action.id,
            title: action.title,
            description: action.description,
            type: action.type,
            destructive: action.destructive === true,
            timeoutSeconds: action.timeoutSeconds,
            parameters: action.parameters,
          })),
        },
      };
    },
  });
};
