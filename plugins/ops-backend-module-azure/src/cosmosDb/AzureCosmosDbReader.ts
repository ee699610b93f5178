import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  CosmosDBManagementClient,
  type ContinuousModeBackupPolicy,
  type CosmosDBManagementClientOptionalParams,
  type PeriodicModeBackupPolicy,
} from '@azure/arm-cosmosdb';
import type { TokenCredential } from '@azure/core-auth';
import { sourceFieldPath } from '@unyo/plugin-ops-node';
import type {
  BackupReadRequest,
  BackupReading,
  BackupSourceConnection,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';
import { continuousReading, periodicReading } from './cosmosDbReading';
import { azureCredential, readAzureConnection } from './readAzureConnection';

const SUBSCRIPTION_ID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Azure: 1-90 letters, digits, _ ( ) - and ., not ending with a period.
const RESOURCE_GROUP = /^[A-Za-z0-9_().-]{0,89}[A-Za-z0-9_()-]$/;
// Cosmos DB account names: 3-50 lowercase letters, digits and hyphens.
const ACCOUNT = /^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/;

export interface AzureCosmosDbReaderOptions {
  logger: LoggerService;
  /** Used instead of each connection's credential (e.g. one the backend already holds). */
  credential?: TokenCredential;
  /** More client options: a proxy, retries, TLS settings for a private CA. */
  clientOptions?: CosmosDBManagementClientOptionalParams;
}

/**
 * `type: azure-cosmosdb`: the account's `backupPolicy` from Azure Resource
 * Manager. Periodic mode lists no backups, so the newest one is inferred
 * from the interval; continuous mode reads the restorable database account
 * (`oldestRestorableTime`, restorable regions). See cosmosDbReading.ts.
 */
export class AzureCosmosDbReader implements BackupSourceReader {
  readonly type = 'azure-cosmosdb' as const;
  private readonly clients = new Map<
    string,
    { key: string; client: CosmosDBManagementClient }
  >();

  constructor(private readonly options: AzureCosmosDbReaderOptions) {}

  async read(request: BackupReadRequest): Promise<BackupReading> {
    const { policy, target, connection, signal, now } = request;
    const config = readAzureConnection(connection);
    const subscriptionId =
      target.source.subscriptionId ?? config.subscriptionId;
    const { resourceGroup, account: accountName } = target.source;
    const field = (name: string) => sourceFieldPath(policy, target, name);
    if (!subscriptionId) {
      throw new InputError(
        `${field(
          'subscriptionId',
        )} is required for an azure-cosmosdb source (or subscriptionId on ops.backups.sources.${
          connection?.name
        })`,
      );
    }
    if (!SUBSCRIPTION_ID.test(subscriptionId)) {
      throw new InputError(
        `${field(
          'subscriptionId',
        )} must be a subscription UUID, got '${subscriptionId}'`,
      );
    }
    if (!resourceGroup || !RESOURCE_GROUP.test(resourceGroup)) {
      throw new InputError(
        `${field(
          'resourceGroup',
        )} must be a resource group name (1-90 letters, digits, _ ( ) - .), got '${
          resourceGroup ?? ''
        }'`,
      );
    }
    if (!accountName || !ACCOUNT.test(accountName)) {
      throw new InputError(
        `${field(
          'account',
        )} must be a Cosmos DB account name (3-50 lowercase letters, digits, -), got '${
          accountName ?? ''
        }'`,
      );
    }
    const client = this.client(connection, subscriptionId);
    const what = `Cosmos DB account '${accountName}' in resource group '${resourceGroup}'`;

    let account;
    try {
      account = await client.databaseAccounts.get(resourceGroup, accountName, {
        abortSignal: signal,
      });
    } catch (error) {
      throw azureError(`Reading ${what}`, error);
    }
    const backupPolicy = account.backupPolicy;
    if (backupPolicy?.type === 'Periodic') {
      return periodicReading(
        account,
        backupPolicy as PeriodicModeBackupPolicy,
        now,
      );
    }
    if (backupPolicy?.type !== 'Continuous') {
      throw new Error(
        `${what} has no backup policy Unyo knows (type ${
          backupPolicy?.type ?? 'missing'
        })`,
      );
    }
    if (!account.instanceId || !account.location) {
      throw new Error(
        `${what} has no instanceId or location to find its restorable account`,
      );
    }
    // Restorable accounts are listed under the account's region, written without spaces.
    const location = account.location.toLowerCase().replace(/\s+/g, '');
    let restorable;
    try {
      restorable = await client.restorableDatabaseAccounts.getByLocation(
        location,
        account.instanceId,
        {
          abortSignal: signal,
        },
      );
    } catch (error) {
      throw azureError(`Reading the restorable account of ${what}`, error);
    }
    return continuousReading(
      account,
      backupPolicy as ContinuousModeBackupPolicy,
      restorable,
      now,
    );
  }

  private client(
    connection: BackupSourceConnection | undefined,
    subscriptionId: string,
  ): CosmosDBManagementClient {
    const config = readAzureConnection(connection);
    const name = `${connection?.name ?? ''}/${subscriptionId}`;
    const key = JSON.stringify(config);
    const cached = this.clients.get(name);
    if (cached?.key === key) return cached.client;
    this.options.logger.debug(
      `Creating Cosmos DB management client for '${name}'`,
    );
    const client = new CosmosDBManagementClient(
      this.options.credential ?? azureCredential(config),
      subscriptionId,
      {
        ...this.options.clientOptions,
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        // One retry at most: the scheduler reads again next round anyway.
        retryOptions: {
          maxRetries: 1,
          ...this.options.clientOptions?.retryOptions,
        },
      },
    );
    this.clients.set(name, { key, client });
    return client;
  }
}

/** An Azure SDK error as a message naming the call, the HTTP status and Azure's code. */
function azureError(call: string, error: unknown): Error {
  const e = error as Error & { statusCode?: number; code?: string };
  if (e.name === 'AbortError') return new Error(`${call} was aborted`);
  const status = e.statusCode ? ` (HTTP ${e.statusCode})` : '';
  const code = e.code ? `${e.code}: ` : '';
  return new Error(`${call} failed${status}: ${code}${e.message}`);
}
