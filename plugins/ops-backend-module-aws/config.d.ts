export interface Config {
  ops?: {
    backups?: {
      /**
       * Connections named by BackupPolicy targets (`source.connection`). Keys
       * read by this module, for connections of `type` `s3`, `rds` or `aws-backup`.
       * @deepVisibility secret
       */
      sources?: {
        [name: string]: {
          type: string;
          /** Default AWS_REGION, else us-east-1. */
          region?: string;
          /** An S3- or AWS-compatible endpoint, e.g. MinIO or LocalStack; AWS when unset. */
          endpoint?: string;
          /** `s3`: path-style bucket URLs (MinIO, s3rver). */
          forcePathStyle?: boolean;
          /** With `secretAccessKey`; both unset: the default AWS credential chain. */
          accessKeyId?: string;
          secretAccessKey?: string;
          sessionToken?: string;
          /** `s3`: objects listed per target, default 10000. */
          maxObjects?: number;
          [key: string]: unknown;
        };
      };
    };
  };
}
