import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { opsBackupSourcesExtensionPoint } from '@unyo/plugin-ops-node';
import { AwsBackupReader } from './awsBackup';
import { RdsReader } from './rds';
import { S3Reader } from './s3/S3Reader';

/**
 * Backup source types `s3`, `rds` and `aws-backup` for the ops backend.
 *
 * @public
 */
export const opsModuleAws = createBackendModule({
  pluginId: 'ops',
  moduleId: 'aws',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        backupSources: opsBackupSourcesExtensionPoint,
      },
      async init({ logger, backupSources }) {
        backupSources.addBackupSourceReader(
          new S3Reader({ logger }),
          new RdsReader({ logger }),
          new AwsBackupReader({ logger }),
        );
      },
    });
  },
});
