import {
  AuditorService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  Execution,
  RunbookEntity,
  RunbooksResponse,
  RUNBOOK_EXECUTIONS_SIGNAL_CHANNEL,
  isRunbookEntity,
} from '@unyo/plugin-ops-common';
import { ActionRunner } from '@unyo/plugin-ops-node';
import { AlertService } from '../alerts/AlertService';
import { describeError } from './executionErrors';
import { ExecutionQuery, ExecutionStore } from './ExecutionStore';
import { listRunbooks } from './listRunbooks';
import { RunbookExecutor } from './RunbookExecutor';
import { RunbookService } from './RunbookService';
import { RunbookRateLimit } from '../config/rateLimit';

export { STALE_MESSAGE } from './RunbookExecutor';
export { TIMEOUT_SECONDS } from './prepareExecution';

export interface DefaultRunbookServiceOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  store: ExecutionStore;
  /** `ops.runbooks.rateLimit`; none when turned off. */
  rateLimit?: RunbookRateLimit;
  /** One runner per action type: the core's and those modules added. */
  runners: ReadonlyMap<string, ActionRunner>;
  /** Why a core action type has no runner, e.g. the missing config key. */
  unavailable?: Record<string, string>;
  signals?: SignalsService;
  /** Called once when an execution ends (succeeded or failed): the notification to its user. */
  onFinished?: (execution: Execution) => Promise<void>;
  alerts?: AlertService;
  now?: () => Date;
}

/**
 * Runbook lists (listRunbooks.ts) and action executions (RunbookExecutor.ts),
 * per docs/api.md and docs/runbook-actions.md.
 */
export class DefaultRunbookService implements RunbookService {
  private readonly executor: RunbookExecutor;

  constructor(private readonly options: DefaultRunbookServiceOptions) {
    this.executor = new RunbookExecutor({
      ...options,
      now: () => options.now?.() ?? new Date(),
      publish: execution => this.publish(execution),
    });
  }

  listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<RunbooksResponse> {
    return listRunbooks(this.options, entityRef, credentials);
  }

  async execute(
    options: Parameters<RunbookService['execute']>[0],
  ): Promise<{ created: boolean; execution: Execution }> {
    const runbook = await this.loadRunbook(
      options.runbookRef,
      options.credentials,
    );
    return this.executor.execute({ ...options, runbook });
  }

  /** Fails executions a stopped backend left running; run at startup and every minute. */
  failStale(): Promise<number> {
    return this.executor.failStale();
  }

  async listExecutions(
    query: ExecutionQuery,
    credentials: BackstageCredentials,
  ): Promise<{ items: Execution[]; totalCount: number }> {
    await this.loadRunbook(query.runbookRef, credentials);
    return this.options.store.list(query);
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

  getRunbook(
    runbookRef: string,
    credentials: BackstageCredentials,
  ): Promise<RunbookEntity> {
    return this.loadRunbook(runbookRef, credentials);
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

  /** Tells the actor's open pages; a lost signal only delays them (they poll too). */
  private async publish(execution: Execution) {
    if (
      this.options.onFinished &&
      (execution.status === 'succeeded' || execution.status === 'failed')
    ) {
      await this.options.onFinished(execution);
    }
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
}
