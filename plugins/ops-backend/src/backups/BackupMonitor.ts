import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BackupPolicyEntity, BackupTarget } from '@unyo/plugin-ops-common';
import { createLimiter } from '../lib/limit';
import { BackupStore } from './BackupStore';
import { listBackupPolicies } from './listBackupPolicies';
import { condenseReading } from './condenseReading';
import { resolveSource } from './resolveSource';
import {
  BackupReading,
  BackupSourceConnection,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';

/** Pushed reports are kept this long (longer than any retention span shown). */
export const REPORT_RETENTION_MS = 400 * 24 * 60 * 60 * 1000;

export interface BackupRoundResult {
  policies: number;
  targets: number;
  errors: number;
  durationMs: number;
}

/**
 * One round of the scheduled backup task (`unyo-backup-status`): every
 * target of every BackupPolicy read from its source with bounded
 * concurrency and a timeout each; the reading, or the error beside the last
 * good reading, stored. Push targets are not read here: the API reads their
 * reports live.
 */
export class BackupMonitor {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: BackupStore;
      readers: ReadonlyMap<string, BackupSourceReader>;
      connections: BackupSourceConnection[];
      logger: LoggerService;
      timeoutMs: number;
      /** Sources read at once. */
      concurrency?: number;
      now?: () => Date;
    },
  ) {}

  async readAll(): Promise<BackupRoundResult> {
    const { catalog, auth, store, logger } = this.options;
    const started = Date.now();
    const policies = await listBackupPolicies(
      catalog,
      await auth.getOwnServiceCredentials(),
    );
    const limit = createLimiter(this.options.concurrency ?? 4);
    const jobs = policies.flatMap(policy =>
      policy.spec.targets
        .filter(t => t.source.type !== 'push')
        .map(target => limit(() => this.readOne(policy, target))),
    );
    const ok = await Promise.all(jobs);
    const now = this.now();
    await store.pruneReports(new Date(now.getTime() - REPORT_RETENTION_MS));
    const round = {
      policies: policies.length,
      targets: jobs.length,
      errors: ok.filter(r => !r).length,
      durationMs: Date.now() - started,
    };
    logger.debug(
      `Backup round: ${round.targets} targets of ${round.policies} policies read, ${round.errors} failed, in ${round.durationMs} ms`,
    );
    return round;
  }

  /** Reads and stores one target; false when it failed. */
  async readOne(
    policy: BackupPolicyEntity,
    target: BackupTarget,
  ): Promise<boolean> {
    const { store, readers, connections, logger } = this.options;
    const policyRef = stringifyEntityRef(policy);
    const now = this.now();
    const resolved = resolveSource(target, connections, readers);
    if ('error' in resolved) {
      await store.saveError(policyRef, target.name, resolved.error, now);
      return false;
    }
    try {
      const reading = await this.withTimeout(signal =>
        resolved.reader.read({
          policy,
          target,
          connection: resolved.connection,
          now,
          signal,
        }),
      );
      await store.saveReading(
        policyRef,
        target.name,
        condenseReading(reading, target, now),
        now,
      );
      return true;
    } catch (error) {
      const message = (error as Error).message || String(error);
      logger.info(
        `Backup source of ${policyRef} target ${target.name} failed: ${message}`,
      );
      await store.saveError(policyRef, target.name, message, now);
      return false;
    }
  }

  private async withTimeout(
    read: (signal: AbortSignal) => Promise<BackupReading>,
  ): Promise<BackupReading> {
    const { timeoutMs } = this.options;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // A reader that ignores the signal still cannot hold up the round.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`Timed out after ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([read(controller.signal), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
