import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CreateExecutionRequest,
  Execution,
  RunbookEntity,
  RunbooksResponse,
} from '@unyo/plugin-ops-common';
import { Request } from 'express';
import { ExecutionQuery } from './ExecutionStore';

/** Runbooks of entities, and the execution of their actions. */
export interface RunbookService {
  /** Runbooks for the entity and for the alerts firing on it, those answering them first. */
  listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<RunbooksResponse>;
  /** One runbook as the caller may read it; NotFoundError when it cannot. */
  getRunbook(
    runbookRef: string,
    credentials: BackstageCredentials,
  ): Promise<RunbookEntity>;
  /**
   * Checks and starts an action: `created: false` answers the earlier
   * execution of the same idempotency key. A refusal throws (4xx) and is
   * stored as `rejected`.
   */
  execute(options: {
    runbookRef: string;
    actionId: string;
    request: CreateExecutionRequest;
    credentials: BackstageCredentials;
    /** For the auditor. */
    httpRequest?: Request;
  }): Promise<{ created: boolean; execution: Execution }>;
  /** One page, newest first; NotFoundError when the caller cannot see the runbook. */
  listExecutions(
    query: ExecutionQuery,
    credentials: BackstageCredentials,
  ): Promise<{ items: Execution[]; totalCount: number }>;
  getExecution(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<Execution>;
}
