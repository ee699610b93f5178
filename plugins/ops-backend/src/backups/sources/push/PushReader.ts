import { stringifyEntityRef } from '@backstage/catalog-model';
import { BackupReportStore } from '../../BackupStore';
import {
  BackupReadRequest,
  BackupReading,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';

/** More runs than any retention the card shows; the store keeps the rest. */
const MAX_RUNS = 1000;

/**
 * `type: push`: the runs the backup job reported to
 * `POST /api/ops/backups/reports`, newest first, as copies (failed runs
 * included: the status maths tells them apart).
 */
export class PushReader implements BackupSourceReader {
  readonly type = 'push' as const;

  constructor(private readonly options: { reports: BackupReportStore }) {}

  async read({ policy, target }: BackupReadRequest): Promise<BackupReading> {
    const reports = await this.options.reports.listReports(
      [stringifyEntityRef(policy)],
      { target: target.name, limit: MAX_RUNS },
    );
    return {
      copies: reports.map(r => ({
        status: r.status,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        ...(target.type ? { type: target.type } : {}),
        ...(r.sizeBytes !== undefined ? { sizeBytes: r.sizeBytes } : {}),
        ...(r.location ? { location: r.location } : {}),
      })),
    };
  }
}
