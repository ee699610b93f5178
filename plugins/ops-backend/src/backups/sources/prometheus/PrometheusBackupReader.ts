import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { PrometheusClients } from '../../../prometheus/PrometheusClients';
import {
  BackupReadRequest,
  BackupReading,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';

/**
 * `type: prometheus`: `source.query` gives the Unix time (seconds) of the
 * last good backup, e.g.
 * `time() - max(mairust_mail_backup_age_seconds{service="mairust-smtp"})`.
 * The server is the default of `ops.prometheus.servers`, or the one named by
 * `server` in the target's connection (`ops.backups.sources.<name>`).
 * Only the newest copy is known, so retention found is null.
 */
export class PrometheusBackupReader implements BackupSourceReader {
  readonly type = 'prometheus' as const;

  constructor(
    private readonly options: {
      logger: LoggerService;
      prometheus?: PrometheusClients;
    },
  ) {}

  async read({
    target,
    connection,
    now,
    signal,
  }: BackupReadRequest): Promise<BackupReading> {
    const { prometheus } = this.options;
    const query = target.source.query;
    if (!query) {
      throw new InputError(
        `Target ${target.name} has no source.query: a prometheus source needs one`,
      );
    }
    if (!prometheus) {
      throw new NotFoundError(
        'No Prometheus server is configured: set ops.prometheus.servers',
      );
    }
    const server = connection?.config.getOptionalString('server');
    const client = prometheus.get(server);
    const samples = await client.instantQuery(query, { time: now, signal });
    if (samples.length === 0) {
      // No series: the metric is not exported (or the job never ran).
      return {
        copies: [],
        lastSuccessAt: null,
        details: { prometheusServer: client.name },
      };
    }
    const values = samples.map(s => s.value);
    const bad = values.find(v => !Number.isFinite(v) || v <= 0);
    if (bad !== undefined) {
      throw new InputError(
        `source.query of target ${target.name} returned ${bad}, not the Unix time of a backup`,
      );
    }
    // Several series (e.g. one per instance): the newest good backup counts.
    const newest = Math.max(...values);
    return {
      copies: [],
      lastSuccessAt: new Date(newest * 1000),
      details: { prometheusServer: client.name, series: samples.length },
    };
  }
}
