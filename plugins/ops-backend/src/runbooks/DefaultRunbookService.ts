import { randomUUID } from 'node:crypto';
import {
  AuditorService,
  AuditorServiceEvent,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  isError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  CreateExecutionRequest,
  Execution,
  OpsJsonObject,
  RELATION_HAS_RUNBOOK,
  RunbookAction,
  RunbookActionType,
  RunbookEntity,
  RunbookSummary,
  RunbooksResponse,
  RUNBOOK_EXECUTIONS_SIGNAL_CHANNEL,
  getRunbookAppliesToRefs,
  isRunbookEntity,
  opsRunbookExecutePermission,
  toRunbookCandidate,
} from '@unyo/plugin-ops-common';
import { AlertService } from '../alerts/AlertService';
import { ActionResult, ActionRunner, RunAction } from './actions/types';
import { ExecutionStore } from './ExecutionStore';
import { redactParameters, validateParameters } from './parameters';
import { RunbookService } from './RunbookService';

/** `timeoutSeconds`: the default, and the most an action may take. */
export const TIMEOUT_SECONDS = { default: 30, max: 300 } as const;
// A running row is failed as stale this long after its timeout.
const STALE_GRACE_MS = 30_000;
export const STALE_MESSAGE =
  'The backend stopped (restart or crash) before the action finished: its outcome is unknown, check the target';

const SEVERITY_ORDER = [
  'critical',
  'P1',
  'high',
  'P2',
  'medium',
  'P3',
  'low',
  'P4',
];

export interface DefaultRunbookServiceOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  store: ExecutionStore;
  runners: Partial<Record<RunbookActionType, ActionRunner>>;
  /** Why an action type has no runner, e.g. the missing config key. */
  unavailable?: Partial<Record<RunbookActionType, string>>;
  signals?: SignalsService;
  alerts?: AlertService;
  now?: () => Date;
}

function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}

/** Refusals are stored and audited; other errors are the backend's own. */
function isRefusal(error: unknown): error is Error {
  return (
    isError(error) &&
    ['InputError', 'NotAllowedError', 'NotFoundError'].includes(error.name)
  );
}

function describeError(error: unknown): string {
  const e = error as Error & { cause?: Error };
  return e?.cause?.message ?? e?.message ?? String(error);
}

/** Runbook lists and action executions, per DESIGN.md and docs/runbook-actions.md. */
export class DefaultRunbookService implements RunbookService {
  constructor(private readonly options: DefaultRunbookServiceOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<RunbooksResponse> {
    const { catalog } = this.options;
    const ref = entityRef.toLocaleLowerCase('en-US');
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const [{ items }, firing] = await Promise.all([
      catalog.getEntities({ filter: { kind: 'Runbook' } }, { credentials }),
      this.firingAlerts(entityRef, credentials),
    ]);
    const hasRunbook = new Set(
      (entity.relations ?? [])
        .filter(r => r.type === RELATION_HAS_RUNBOOK)
        .map(r => r.targetRef.toLocaleLowerCase('en-US')),
    );
    const summaries = items.filter(isRunbookEntity).flatMap(runbook => {
      const candidate = toRunbookCandidate(runbook);
      const firingAlerts = [
        ...new Set(
          firing
            .filter(
              a =>
                a.runbookRef === candidate.ref ||
                (candidate.alerts.includes(a.alertname) &&
                  candidate.appliesTo.includes(ref)),
            )
            .map(a => a.alertname),
        ),
      ];
      const applies =
        hasRunbook.has(candidate.ref) || candidate.appliesTo.includes(ref);
      if (!applies && firingAlerts.length === 0) return [];
      return [{ runbook, ref: candidate.ref, firingAlerts }];
    });
    const decisions = summaries.length
      ? await this.options.permissions.authorize(
          summaries.map(s => ({
            permission: opsRunbookExecutePermission,
            resourceRef: s.ref,
          })),
          { credentials },
        )
      : [];
    const result: RunbookSummary[] = summaries.map(
      ({ runbook, ref: runbookRef, firingAlerts }, i) => ({
        ref: runbookRef,
        title: runbook.metadata.title ?? runbook.metadata.name,
        ...(runbook.spec.severity ? { severity: runbook.spec.severity } : {}),
        owner: runbook.spec.owner,
        appliesTo: getRunbookAppliesToRefs(runbook),
        alerts: runbook.spec.alerts ?? [],
        firingAlerts,
        actions: (runbook.spec.actions ?? []).map(a => ({
          id: a.id,
          title: a.title,
          type: a.type,
          destructive: a.destructive === true,
        })),
        canExecute: decisions[i].result === AuthorizeResult.ALLOW,
      }),
    );
    const rank = (s: RunbookSummary) =>
      s.severity ? SEVERITY_ORDER.indexOf(s.severity) : SEVERITY_ORDER.length;
    result.sort(
      (a, b) =>
        b.firingAlerts.length - a.firingAlerts.length ||
        rank(a) - rank(b) ||
        a.title.localeCompare(b.title),
    );
    return { items: result };
  }

  /** Alerts firing on the entity; none when alerts cannot be read. */
  private async firingAlerts(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    if (!this.options.alerts) return [];
    try {
      const { items } = await this.options.alerts.listForEntity(
        entityRef,
        credentials,
      );
      return items.filter(
        a => a.state === 'firing' || a.state === 'suppressed',
      );
    } catch (error) {
      // The runbooks of the entity are still worth listing.
      this.options.logger.warn(
        `Could not read the alerts of ${entityRef} for its runbooks: ${describeError(
          error,
        )}`,
      );
      return [];
    }
  }

  private async loadRunbook(
    runbookRef: string,
    credentials: BackstageCredentials,
  ): Promise<RunbookEntity> {
    const entity = await this.options.catalog.getEntityByRef(runbookRef, {
      credentials,
    });
    if (!entity || !isRunbookEntity(entity)) {
      throw new NotFoundError(`No runbook ${runbookRef} in the catalog`);
    }
    return entity;
  }

  async execute(options: {
    runbookRef: string;
    actionId: string;
    request: CreateExecutionRequest;
    credentials: BackstageCredentials;
    httpRequest?: any;
  }): Promise<{ created: boolean; execution: Execution }> {
    const { runbookRef, actionId, request, credentials } = options;
    const { store } = this.options;
    const runbook = await this.loadRunbook(runbookRef, credentials);
    const actor = actorOf(credentials);
    const index = (runbook.spec.actions ?? []).findIndex(
      a => a.id === actionId,
    );
    const action = runbook.spec.actions?.[index];
    const audit = {
      runbookRef,
      actionId,
      actor,
      entityRef: request.entityRef,
      destructive: action?.destructive === true,
      parameters: redactParameters(
        action?.parameters,
        request.parameters ?? {},
      ),
    };

    let run: RunAction;
    let entityRef: string | undefined;
    let parameters: OpsJsonObject;
    let timeoutMs: number;
    try {
      if (!action) {
        throw new NotFoundError(`${runbookRef} has no action "${actionId}"`);
      }
      if (request.idempotencyKey) {
        const earlier = await store.findByKey({
          runbookRef,
          actionId,
          actor,
          idempotencyKey: request.idempotencyKey,
        });
        if (earlier) return { created: false, execution: earlier };
      }
      const [decision] = await this.options.permissions.authorize(
        [{ permission: opsRunbookExecutePermission, resourceRef: runbookRef }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `You are not allowed to execute ${runbookRef} (permission ops.runbook.execute)`,
        );
      }
      if (
        action.destructive &&
        request.confirmation !== runbook.metadata.name
      ) {
        throw new InputError(
          `confirmation must be the runbook's name "${runbook.metadata.name}", typed: action ${actionId} is destructive`,
        );
      }
      parameters = validateParameters(
        action.parameters,
        request.parameters,
        `spec.actions[${index}].parameters`,
      );
      audit.parameters = redactParameters(action.parameters, parameters);
      entityRef = this.entityRefFor(runbook, runbookRef, request.entityRef);
      const timeoutSeconds = Math.min(
        action.timeoutSeconds ?? TIMEOUT_SECONDS.default,
        TIMEOUT_SECONDS.max,
      );
      timeoutMs = timeoutSeconds * 1000;
      run = await this.runnerFor(action).prepare({
        runbook,
        runbookRef,
        action,
        parameters,
        entityRef,
        credentials,
        timeoutMs,
      });
    } catch (error) {
      if (isRefusal(error)) {
        await this.reject(audit, error, options.httpRequest).catch(e =>
          this.options.logger.error(
            `Could not record the refusal of ${runbookRef} ${actionId}: ${describeError(
              e,
            )}`,
          ),
        );
      }
      throw error;
    }

    const createdAt = this.now();
    const { created, execution } = await store.insert({
      id: randomUUID(),
      runbookRef,
      actionId,
      ...(entityRef ? { entityRef } : {}),
      actor,
      parameters: audit.parameters,
      status: 'running',
      output: null,
      createdAt: createdAt.toISOString(),
      ...(request.idempotencyKey
        ? { idempotencyKey: request.idempotencyKey }
        : {}),
      deadlineAt: new Date(createdAt.getTime() + timeoutMs + STALE_GRACE_MS),
    });
    if (!created) return { created, execution };
    const event = await this.options.auditor.createEvent({
      eventId: 'runbook-execution',
      severityLevel: audit.destructive ? 'high' : 'medium',
      request: options.httpRequest,
      meta: { ...audit, entityRef, executionId: execution.id },
    });
    await this.publish(execution);
    // Runs after the answer: the page follows it through signals or polling.
    void this.finish(execution, run, timeoutMs, event);
    return { created, execution };
  }

  private runnerFor(action: RunbookAction): ActionRunner {
    const runner = this.options.runners[action.type];
    if (!runner) {
      throw new InputError(
        `${action.type} actions cannot run here: ${
          this.options.unavailable?.[action.type] ?? 'not supported'
        }`,
      );
    }
    return runner;
  }

  /** The entity given (one the runbook applies to), or its only one. */
  private entityRefFor(
    runbook: RunbookEntity,
    runbookRef: string,
    given: string | undefined,
  ): string | undefined {
    const appliesTo = getRunbookAppliesToRefs(runbook);
    if (given === undefined) {
      return appliesTo.length === 1 ? appliesTo[0] : undefined;
    }
    const found = appliesTo.find(
      r => r.toLocaleLowerCase('en-US') === given.toLocaleLowerCase('en-US'),
    );
    if (!found) {
      throw new InputError(
        `entityRef ${given} is not an entity ${runbookRef} applies to (${appliesTo.join(
          ', ',
        )})`,
      );
    }
    return found;
  }

  private async reject(
    audit: {
      runbookRef: string;
      actionId: string;
      actor: string;
      entityRef?: string;
      destructive: boolean;
      parameters: OpsJsonObject;
    },
    error: Error,
    httpRequest: any,
  ) {
    const now = this.now().toISOString();
    const { execution } = await this.options.store.insert({
      id: randomUUID(),
      runbookRef: audit.runbookRef,
      actionId: audit.actionId,
      ...(audit.entityRef ? { entityRef: audit.entityRef } : {}),
      actor: audit.actor,
      parameters: audit.parameters,
      status: 'rejected',
      output: { summary: error.message, error: error.message },
      createdAt: now,
      finishedAt: now,
    });
    const event = await this.options.auditor.createEvent({
      eventId: 'runbook-execution',
      severityLevel: audit.destructive ? 'high' : 'medium',
      request: httpRequest,
      meta: { ...audit, executionId: execution.id },
    });
    await event.fail({ error, meta: { status: 'rejected' } });
    await this.publish(execution);
  }

  private async finish(
    execution: Execution,
    run: RunAction,
    timeoutMs: number,
    event: AuditorServiceEvent,
  ) {
    const signal = AbortSignal.timeout(timeoutMs);
    let result: ActionResult;
    try {
      result = await run(signal, async output => {
        const updated = await this.options.store.updateRunning(
          execution.id,
          output,
        );
        if (updated) await this.publish(updated);
      });
    } catch (error) {
      const message = signal.aborted
        ? `No answer within ${timeoutMs / 1000} s (timeoutSeconds)`
        : describeError(error);
      result = {
        status: 'failed',
        output: { summary: message, error: message },
      };
    }
    try {
      const done = await this.options.store.finish(
        execution.id,
        result.status,
        result.output,
        this.now(),
      );
      const meta = { status: result.status, summary: result.output.summary };
      if (result.status === 'succeeded') {
        await event.success({ meta });
      } else {
        await event.fail({
          error: new Error(result.output.error ?? result.output.summary),
          meta,
        });
      }
      if (done) await this.publish(done);
    } catch (error) {
      this.options.logger.error(
        `Could not record the end of execution ${execution.id}: ${describeError(
          error,
        )}`,
      );
    }
  }

  /** Tells the actor's open pages; a lost signal only delays them (they poll too). */
  private async publish(execution: Execution) {
    if (!this.options.signals || !execution.actor.startsWith('user:')) return;
    try {
      await this.options.signals.publish({
        recipients: { type: 'user', entityRef: execution.actor },
        channel: RUNBOOK_EXECUTIONS_SIGNAL_CHANNEL,
        message: { execution: execution as any },
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not signal execution ${execution.id}: ${describeError(error)}`,
      );
    }
  }

  /** Fails executions a stopped backend left running; run at startup and every minute. */
  async failStale(): Promise<number> {
    const failed = await this.options.store.failStale(
      this.now(),
      STALE_MESSAGE,
    );
    for (const execution of failed) await this.publish(execution);
    return failed.length;
  }

  async listExecutions(
    runbookRef: string,
    limit: number,
    credentials: BackstageCredentials,
  ): Promise<Execution[]> {
    await this.loadRunbook(runbookRef, credentials);
    return this.options.store.list({ runbookRef, limit });
  }

  async getExecution(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<Execution> {
    const execution = await this.options.store.get(id);
    const visible =
      execution &&
      (await this.options.catalog.getEntityByRef(execution.runbookRef, {
        credentials,
      }));
    if (!execution || !visible) {
      throw new NotFoundError(`No execution ${id}`);
    }
    return execution;
  }
}
