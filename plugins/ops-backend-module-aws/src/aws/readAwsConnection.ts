import { InputError } from '@backstage/errors';
import type { BackupSourceConnection } from '@unyo/plugin-ops-node';

/**
 * The keys every `ops.backups.sources.<name>` entry for an AWS API (types
 * `s3`, `rds` and `aws-backup`) shares: `region` (else `AWS_REGION`, else
 * us-east-1), `endpoint` (MinIO, LocalStack or a test endpoint; AWS when unset),
 * `accessKeyId` + `secretAccessKey` (+ `sessionToken`), both or neither
 * (then the SDK's default credential chain: environment, profile, IMDS...).
 */
export interface AwsConnectionConfig {
  region: string;
  endpoint?: string;
  credentials?: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  };
}

export function readAwsConnection(
  connection?: BackupSourceConnection,
): AwsConnectionConfig {
  const config = connection?.config;
  const at = `ops.backups.sources.${connection?.name}`;
  const accessKeyId = config?.getOptionalString('accessKeyId');
  const secretAccessKey = config?.getOptionalString('secretAccessKey');
  const sessionToken = config?.getOptionalString('sessionToken');
  if (!!accessKeyId !== !!secretAccessKey) {
    throw new InputError(
      `${at} needs both accessKeyId and secretAccessKey, or neither (default credential chain)`,
    );
  }
  const endpoint = config?.getOptionalString('endpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new InputError(
      `${at}.endpoint must be an http(s) URL, got '${endpoint}'`,
    );
  }
  return {
    region:
      config?.getOptionalString('region') ??
      process.env.AWS_REGION ??
      'us-east-1',
    ...(endpoint ? { endpoint } : {}),
    ...(accessKeyId && secretAccessKey
      ? {
          credentials: {
            accessKeyId,
            secretAccessKey,
            ...(sessionToken ? { sessionToken } : {}),
          },
        }
      : {}),
  };
}
