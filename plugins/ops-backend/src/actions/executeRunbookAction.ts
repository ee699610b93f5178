import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Execution } from '@unyo/plugin-ops-common';
import { RunbookService } from '../runbooks/RunbookService';
import { entityRefOf, runbookRefOf } from './schemas';
import { OpsActionsRegistration, Zod } from './types';

// As the route's path parameter (runbooks/routes.ts).
const ACTION_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const POLL_MS = 250;
const DEFAULT_WAIT_SECONDS = 20;
// MCP clients commonly give up on a call after 60 s.
const MAX_WAIT_SECONDS = 55;

function executionSchema(z: Zod) {
  return z
    .object({
      id: z
        .string()
        .describe('Execution id; the runbook page history lists it'),
      runbookRef: z.string(),
      actionId: z.string(),
      entityRef: z.string().optional(),
      actor: z.string().describe('Who ran it: the calling user'),
      parameters: z
        .record(z.unknown())
        .describe('Validated parameters, defaults applied, secrets as ***'),
      status: z
        .enum(['pending', 'running', 'succeeded', 'failed', 'rejected'])
        .describe('running: still going when waitSeconds ran out'),
      output: z
        .object({
          summary: z.string(),
          error: z.string().optional(),
        })
        .passthrough()
        .nullable()
        .describe(
          'What the action produced (HTTP status and body, query value ...)',
        ),
      createdAt: z.string(),
      finishedAt: z.string().nullable(),
      idempotencyKey: z.string().optional(),
    })
    .passthrough();
}

/** Reads the execution until it ends or the wait runs out. */
async function awaitEnd(
  runbooks: RunbookService,
  execution: Execution,
  credentials: BackstageCredentials,
  waitSeconds: number,
): Promise<Execution> {
  const deadline = Date.now() + waitSeconds * 1000;
  let current = execution;
  while (current.finishedAt === null && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
    current = await runbooks.getExecution(current.id, credentials);
  }
  return current;
}

/**
 * `execute-runbook-action`: the page's Run button for assistants. It calls
 * the same RunbookService.execute as the route, as the calling user, so the
 * permission check, parameter validation, typed confirmation, idempotency
 * key, rate limit and audit trail are the route's (docs/runbook-actions.md).
 */
export const registerExecuteRunbookAction: OpsActionsRegistration = (
  registry,
  { runbooks },
) => {
  registry.register({
    name: 'execute-runbook-action',
    title: 'Execute a runbook action',
    description:
      "Runs one action of a runbook as the calling user, exactly as the runbook page's Run button does: " +
      'the user needs ops.runbook.execute on the runbook, the parameters must match the action schema (get-runbook), ' +
      "a destructive action needs confirmation set to the runbook's name, runs are rate-limited and audited, " +
      'and each run appears in the runbook history. Ask the user before calling it. ' +
      'Pass a fresh idempotencyKey per intended run: calling again with the same key answers the first run instead of running twice.',
    attributes: { destructive: true, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          runbookRef: z
            .string()
            .min(1)
            .max(255)
            .describe('The runbook, runbook:<namespace>/<name>'),
          actionId: z
            .string()
            .regex(ACTION_ID)
            .describe(
              "The action's id in the runbook (get-runbook lists them)",
            ),
          parameters: z
            .record(z.unknown())
            .optional()
            .describe(
              "Values for the action's parameter JSON schema; defaults apply to the missing ones",
            ),
          confirmation: z
            .string()
            .max(255)
            .optional()
            .describe(
              "Required for destructive actions: the runbook's metadata.name, e.g. mairust-queue-backlog",
            ),
          idempotencyKey: z
            .string()
            .min(1)
            .max(255)
            .optional()
            .describe(
              'A unique key (e.g. a UUID) for this intended run; the same key never runs twice',
            ),
          entityRef: z
            .string()
            .max(255)
            .optional()
            .describe(
              'The entity the action runs for, e.g. component:default/mairust-smtp; needed by health-check and alertmanager-silence actions when the runbook applies to several',
            ),
          waitSeconds: z
            .number()
            .int()
            .min(0)
            .max(MAX_WAIT_SECONDS)
            .optional()
            .describe(
              `How long to wait for the run to end before answering (default ${DEFAULT_WAIT_SECONDS}); a run still going answers status running`,
            ),
        }),
      output: z =>
        z.object({
          created: z
            .boolean()
            .describe(
              'false: the idempotencyKey was used before; this is that earlier run',
            ),
          execution: executionSchema(z),
        }),
    },
    action: async ({ input, credentials }) => {
      const { created, execution } = await runbooks.execute({
        runbookRef: runbookRefOf(input.runbookRef),
        actionId: input.actionId,
        request: {
          parameters: input.parameters as any,
          confirmation: input.confirmation,
          idempotencyKey: input.idempotencyKey,
          entityRef:
            input.entityRef === undefined
              ? undefined
              : entityRefOf(input.entityRef, 'entityRef'),
        },
        credentials,
      });
      const finished = await awaitEnd(
        runbooks,
        execution,
        credentials,
        input.waitSeconds ?? DEFAULT_WAIT_SECONDS,
      );
      return { output: { created, execution: finished as any } };
    },
  });
};
