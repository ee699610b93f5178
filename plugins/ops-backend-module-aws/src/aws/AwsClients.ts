import type { LoggerService } from '@backstage/backend-plugin-api';
import type { BackupSourceConnection } from '@unyo/plugin-ops-node';
import type { AwsConnectionConfig } from './readAwsConnection';

/** What every AWS SDK v3 client takes from a connection. */
export interface AwsClientOptions {
  region: string;
  endpoint?: string;
  credentials?: AwsConnectionConfig['credentials'];
  maxAttempts: number;
}

/**
 * One AWS SDK client per `ops.backups.sources` connection, built again (and
 * the old one destroyed) when the connection's settings change.
 */
export class AwsClients<
  Client extends { destroy(): void },
  Settings extends AwsConnectionConfig = AwsConnectionConfig,
> {
  private readonly clients = new Map<string, { key: string; client: Client }>();

  constructor(
    private readonly options: {
      logger: LoggerService;
      /** Named in the debug log, e.g. `RDS`. */
      service: string;
      create(options: AwsClientOptions, settings: Settings): Client;
    },
  ) {}

  /** The client for `connection`, whose settings `settings` were read from it. */
  get(connection: BackupSourceConnection | undefined, settings: Settings) {
    const key = JSON.stringify(settings);
    const name = connection?.name ?? '';
    const cached = this.clients.get(name);
    if (cached?.key === key) return cached.client;
    cached?.client.destroy();
    this.options.logger.debug(
      `Creating ${this.options.service} client for connection '${name}'`,
    );
    const client = this.options.create(
      {
        region: settings.region,
        endpoint: settings.endpoint,
        credentials: settings.credentials,
        // One retry at most: the scheduler reads again next round anyway.
        maxAttempts: 2,
      },
      settings,
    );
    this.clients.set(name, { key, client });
    return client;
  }
}
