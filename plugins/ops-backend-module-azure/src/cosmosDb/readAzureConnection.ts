import { InputError } from '@backstage/errors';
import type { TokenCredential } from '@azure/core-auth';
import {
  ClientSecretCredential,
  DefaultAzureCredential,
} from '@azure/identity';
import type { BackupSourceConnection } from '@unyo/plugin-ops-node';

/**
 * The keys of an `ops.backups.sources.<name>` entry of type
 * `azure-cosmosdb`: `subscriptionId` (used when the target does not name
 * one), `tenantId` + `clientId` + `clientSecret` of a service principal (all
 * three, or none for DefaultAzureCredential: managed identity, environment,
 * Azure CLI ...), and `endpoint`, the Azure Resource Manager URL (default
 * https://management.azure.com; other clouds or a test server).
 */
export interface AzureConnectionConfig {
  subscriptionId?: string;
  endpoint?: string;
  servicePrincipal?: {
    tenantId: string;
    clientId: string;
    clientSecret: string;
  };
}

export function readAzureConnection(
  connection?: BackupSourceConnection,
): AzureConnectionConfig {
  const config = connection?.config;
  const at = `ops.backups.sources.${connection?.name}`;
  const tenantId = config?.getOptionalString('tenantId');
  const clientId = config?.getOptionalString('clientId');
  const clientSecret = config?.getOptionalString('clientSecret');
  const given = [tenantId, clientId, clientSecret].filter(Boolean).length;
  if (given !== 0 && given !== 3) {
    throw new InputError(
      `${at} needs tenantId, clientId and clientSecret together, or none (DefaultAzureCredential)`,
    );
  }
  const endpoint = config?.getOptionalString('endpoint');
  // The SDK sends bearer tokens over TLS only.
  if (endpoint !== undefined && !/^https:\/\/[^\s/]+/.test(endpoint)) {
    throw new InputError(
      `${at}.endpoint must be an https URL, got '${endpoint}'`,
    );
  }
  return {
    subscriptionId: config?.getOptionalString('subscriptionId'),
    ...(endpoint ? { endpoint } : {}),
    ...(tenantId && clientId && clientSecret
      ? { servicePrincipal: { tenantId, clientId, clientSecret } }
      : {}),
  };
}

/** The credential a connection's settings call for. */
export function azureCredential(
  config: AzureConnectionConfig,
): TokenCredential {
  const sp = config.servicePrincipal;
  return sp
    ? new ClientSecretCredential(sp.tenantId, sp.clientId, sp.clientSecret)
    : new DefaultAzureCredential();
}
