export interface Config {
  ops?: {
    backups?: {
      /**
       * Connections named by BackupPolicy targets (`source.connection`). Keys
       * read by this module, for connections of `type` `azure-cosmosdb`.
       * @deepVisibility secret
       */
      sources?: {
        [name: string]: {
          type: string;
          /** Used when the target names no `subscriptionId`. */
          subscriptionId?: string;
          /** With `clientId` and `clientSecret`; all unset: DefaultAzureCredential. */
          tenantId?: string;
          clientId?: string;
          clientSecret?: string;
          /** An https Azure Resource Manager URL, default https://management.azure.com */
          endpoint?: string;
          [key: string]: unknown;
        };
      };
    };
  };
}
