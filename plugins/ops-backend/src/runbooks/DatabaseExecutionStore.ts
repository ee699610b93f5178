import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  Execution,
  ExecutionOutput,
  ExecutionStatus,
} from '@unyo/plugin-ops-common';
import { Knex } from 'knex';
import { migratedClient, toDate } from '../database/util';
import { ExecutionQuery, ExecutionStore, NewExecution } from './ExecutionStore';

const TABLE = 'ops_runbook_executions';
const KEY = ['runbook_ref', 'action_id', 'actor', 'idempotency_key'];

type Row = {
  id: string;
  runbook_ref: string;
  action_id: string;
  entity_ref: string | null;
  actor: string;
  idempotency_key: string | null;
  parameters: string;
  status: ExecutionStatus;
  output: string | null;
  created_at: unknown;
  finished_at: unknown;
};

function parseJson<T>(value: string | null, fallback: T): T {
  if (!value) return fallback;
  try {
    return JSON.parse(value);
  } catch {
    return fallback;
  }
}

function toExecution(row: Row): Execution {
  return {
    id: row.id,
    runbookRef: row.runbook_ref,
    actionId: row.action_id,
    ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
    actor: row.actor,
    parameters: parseJson(row.parameters, {}),
    status: row.status,
    output: parseJson<ExecutionOutput | null>(row.output, null),
    createdAt: toDate(row.created_at).toISOString(),
    finishedAt: row.finished_at ? toDate(row.finished_at).toISOString() : null,
    ...(row.idempotency_key ? { idempotencyKey: row.idempotency_key } : {}),
  };
}

/** Executions on the plugin's own database (SQLite or PostgreSQL). */
export class DatabaseExecutionStore implements ExecutionStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseExecutionStore> {
    return new DatabaseExecutionStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  private constructor(private readonly db: Knex) {}

  async insert(execution: NewExecution) {
    // The unique index decides between concurrent requests with one key.
    await this.db(TABLE)
      .insert({
        id: execution.id,
        runbook_ref: execution.runbookRef,
        action_id: execution.actionId,
        entity_ref: execution.entityRef ?? null,
        actor: execution.actor,
        idempotency_key: execution.idempotencyKey ?? null,
        parameters: JSON.stringify(execution.parameters),
        status: execution.status,
        output: execution.output ? JSON.stringify(execution.output) : null,
        created_at: new Date(execution.createdAt),
        finished_at: execution.finishedAt
          ? new Date(execution.finishedAt)
          : null,
        deadline_at: execution.deadlineAt ?? null,
      })
      .onConflict(KEY)
      .ignore();
    const mine = await this.get(execution.id);
    if (mine) return { created: true, execution: mine };
    const earlier = await this.findByKey({
      runbookRef: execution.runbookRef,
      actionId: execution.actionId,
      actor: execution.actor,
      idempotencyKey: execution.idempotencyKey!,
    });
    if (!earlier) {
      throw new Error(`Execution ${execution.id} was neither stored nor found`);
    }
    return { created: false, execution: earlier };
  }

  async findByKey(key: {
    runbookRef: string;
    actionId: string;
    actor: string;
    idempotencyKey: string;
  }) {
    const row = await this.db<Row>(TABLE)
      .where({
        runbook_ref: key.runbookRef,
        action_id: key.actionId,
        actor: key.actor,
        idempotency_key: key.idempotencyKey,
      })
      .first();
    return row ? toExecution(row) : undefined;
  }

  async recentStarts(
    key: { runbookRef: string; actionId: string; actor: string },
    since: Date,
    limit: number,
  ) {
    const rows = await this.db<Row>(TABLE)
      .select('created_at')
      .where({
        runbook_ref: key.runbookRef,
        action_id: key.actionId,
        actor: key.actor,
      })
      .whereNot({ status: 'rejected' })
      .where('created_at', '>=', since)
      .orderBy('created_at', 'desc')
      .limit(limit);
    return rows.map(row => toDate(row.created_at));
  }

  async finish(
    id: string,
    status: ExecutionStatus,
    output: ExecutionOutput,
    finishedAt: Date,
  ) {
    // Only a running execution finishes: one failed as stale stays failed.
    await this.db(TABLE)
      .where({ id, status: 'running' })
      .update({
        status,
        output: JSON.stringify(output),
        finished_at: finishedAt,
        deadline_at: null,
      });
    return this.get(id);
  }

  async updateRunning(id: string, output: ExecutionOutput) {
    const updated = await this.db(TABLE)
      .where({ id, status: 'running' })
      .update({ output: JSON.stringify(output) });
    return updated ? this.get(id) : undefined;
  }

  async get(id: string) {
    const row = await this.db<Row>(TABLE).where({ id }).first();
    return row ? toExecution(row) : undefined;
  }

  async list(query: ExecutionQuery) {
    const filtered = () => {
      const q = this.db<Row>(TABLE).where({ runbook_ref: query.runbookRef });
      if (query.status) q.where({ status: query.status });
      if (query.actor) q.where({ actor: query.actor });
      return q;
    };
    const [rows, [{ count }]] = await Promise.all([
      filtered()
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(query.limit)
        .offset(query.offset),
      filtered().count({ count: '*' }),
    ]);
    return { items: rows.map(toExecution), totalCount: Number(count) };
  }

  async failStale(now: Date, message: string) {
    const rows = await this.db<Row>(TABLE)
      .where({ status: 'running' })
      .where('deadline_at', '<', now);
    const failed: Execution[] = [];
    for (const row of rows) {
      const previous = toExecution(row);
      const done = await this.finish(
        row.id,
        'failed',
        { ...previous.output, summary: message, error: message },
        now,
      );
      if (done) failed.push(done);
    }
    return failed;
  }
}
