import { randomUUID } from 'node:crypto';
import {
  AuditorService,
  AuditorServiceEvent,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  Execution,
  OpsJsonObject,
  RunbookEntity,
  redactParameters,
} from '@unyo/plugin-ops-common';
import { ActionResult, RunAction } from '@unyo/plugin-ops-node';
import { actorOf, describeError, isRefusal } from './executionErrors';
import { ExecutionStore } from './ExecutionStore';
import { PrepareOptions, prepareExecution } from './prepareExecution';
import { checkRateLimit } from './rateLimit';
import { RunbookRateLimit } from '../config/rateLimit';
import { RunbookService } from './RunbookService';

// A running row is failed as stale this long after its timeout.
const STALE_GRACE_MS = 30_000;
export const STALE_MESSAGE =
  'The backend stopped (restart or crash) before the action finished: its outcome is unknown, check the target';

/** What a refusal or a run is audited with. */
interface AuditFacts {
  runbookRef: string;
  actionId: string;
  actor: string;
  entityRef?: string;
  destructive: boolean;
  parameters: OpsJsonObject;
}

export interface RunbookExecutorOptions extends PrepareOptions {
  auditor: AuditorService;
  logger: LoggerService;
  store: ExecutionStore;
  /** `ops.runbooks.rateLimit`; none when turned off. */
  rateLimit?: RunbookRateLimit;
  /** Tells the actor's open pages of a change (signals). */
  publish(execution: Execution): Promise<void>;
  now(): Date;
}

/**
 * Executions of runbook actions: checks and starts one, records a refusal,
 * finishes a run after the answer, and fails runs a stopped backend left
 * (docs/runbook-actions.md).
 */
export class RunbookExecutor {
  constructor(private readonly options: RunbookExecutorOptions) {}

  /** {@link RunbookService.execute} for the runbook already loaded. */
  async execute(
    options: Parameters<RunbookService['execute']>[0] & {
      runbook: RunbookEntity;
    },
  ): Promise<{ created: boolean; execution: Execution }> {
    const { runbook, runbookRef, actionId, request, credentials } = options;
    const { store } = this.options;
    const actor = actorOf(credentials);
    const index = (runbook.spec.actions ?? []).findIndex(
      a => a.id === actionId,
    );
    const action = runbook.spec.actions?.[index];
    const audit: AuditFacts = {
      runbookRef,
      actionId,
      actor,
      entityRef: request.entityRef,
      destructive: action?.destructive === true,
      parameters: redactParameters(
        action?.parameters,
        request.parameters ?? {},
        action?.uiSchema,
      ),
    };

    let prepared;
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
      prepared = await prepareExecution(this.options, {
        runbook,
        runbookRef,
        action,
        index,
        request,
        credentials,
        validated: parameters => {
          audit.parameters = redactParameters(
            action.parameters,
            parameters,
            action.uiSchema,
          );
        },
      });
    } catch (error) {
      if (isRefusal(error)) {
        await this.reject(audit, error, options.httpRequest).catch(e =>
          this.logAuditFailure(runbookRef, actionId, e),
        );
      }
      throw error;
    }

    const { run, entityRef, timeoutMs } = prepared;
    try {
      const key = { runbookRef, actionId, actor };
      const now = this.options.now();
      await checkRateLimit(store, this.options.rateLimit, key, now);
    } catch (error) {
      // Audited, not stored: a flood of refused clicks must not grow the table.
      await this.auditRefusal(
        { ...audit, entityRef },
        error as Error,
        options,
      ).catch(e => this.logAuditFailure(runbookRef, actionId, e));
      throw error;
    }
    const createdAt = this.options.now();
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
    await this.options.publish(execution);
    // Runs after the answer: the page follows it through signals or polling.
    void this.finish(execution, run, timeoutMs, event);
    return { created, execution };
  }

  /** Stores and audits a refusal as a `rejected` execution. */
  private async reject(audit: AuditFacts, error: Error, httpRequest: any) {
    const now = this.options.now().toISOString();
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
    await this.options.publish(execution);
  }

  /** Audits a refusal that stores no execution (the rate limit). */
  private async auditRefusal(
    audit: AuditFacts,
    error: Error,
    options: { httpRequest?: any },
  ) {
    const event = await this.options.auditor.createEvent({
      eventId: 'runbook-execution',
      severityLevel: audit.destructive ? 'high' : 'medium',
      request: options.httpRequest,
      meta: { ...audit },
    });
    await event.fail({ error, meta: { status: 'rate-limited' } });
  }

  private logAuditFailure(runbookRef: string, actionId: string, e: unknown) {
    this.options.logger.error(
      `Could not record the refusal of ${runbookRef} ${actionId}: ${describeError(
        e,
      )}`,
    );
  }

  /** Runs the action within its timeout and records how it ended. */
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
        if (updated) await this.options.publish(updated);
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
        this.options.now(),
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
      if (done) await this.options.publish(done);
    } catch (error) {
      this.options.logger.error(
        `Could not record the end of execution ${execution.id}: ${describeError(
          error,
        )}`,
      );
    }
  }

  /** Fails executions a stopped backend left running; run at startup and every minute. */
  async failStale(): Promise<number> {
    const failed = await this.options.store.failStale(
      this.options.now(),
      STALE_MESSAGE,
    );
    for (const execution of failed) await this.options.publish(execution);
    return failed.length;
  }
}
