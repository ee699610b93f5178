import {
  Execution,
  ExecutionOutput,
  ExecutionStatus,
} from '@unyo/plugin-ops-common';

/** A new execution row; `deadlineAt` only for running ones. */
export type NewExecution = Omit<Execution, 'finishedAt'> & {
  finishedAt?: string | null;
  deadlineAt?: Date;
};

/** Which executions of a runbook to list (`GET /executions`). */
export interface ExecutionQuery {
  runbookRef: string;
  status?: ExecutionStatus;
  /** The entity ref of the user who ran it. */
  actor?: string;
  limit: number;
  offset: number;
}

/** Where executions are kept (the audit trail). */
export interface ExecutionStore {
  /**
   * Inserts the execution; when its idempotency key was used before for the
   * same runbook, action and actor, inserts nothing and answers the earlier
   * execution with `created: false`.
   */
  insert(
    execution: NewExecution,
  ): Promise<{ created: boolean; execution: Execution }>;
  findByKey(key: {
    runbookRef: string;
    actionId: string;
    actor: string;
    idempotencyKey: string;
  }): Promise<Execution | undefined>;
  /**
   * When the actor started this action since `since`, newest first, at most
   * `limit` of them; refused (`rejected`) requests do not count.
   */
  recentStarts(
    key: { runbookRef: string; actionId: string; actor: string },
    since: Date,
    limit: number,
  ): Promise<Date[]>;
  finish(
    id: string,
    status: ExecutionStatus,
    output: ExecutionOutput,
    finishedAt: Date,
  ): Promise<Execution | undefined>;
  /** Records output of an execution that still runs. */
  updateRunning(
    id: string,
    output: ExecutionOutput,
  ): Promise<Execution | undefined>;
  get(id: string): Promise<Execution | undefined>;
  /** Newest first. */
  /** One page, newest first, with how many match over all pages. */
  list(
    query: ExecutionQuery,
  ): Promise<{ items: Execution[]; totalCount: number }>;
  /** Marks running executions past their deadline failed; answers them. */
  failStale(now: Date, message: string): Promise<Execution[]>;
}
