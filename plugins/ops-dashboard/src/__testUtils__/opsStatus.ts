import { OpsApi, OpsStatus } from '../api';

export function opsStatus(configured: boolean): OpsStatus {
  return {
    sources: {
      prometheus: {
        configured,
        configKey: 'ops.prometheus.servers',
        servers: configured ? ['default'] : [],
      },
      alertmanager: {
        configured,
        configKey: 'ops.alertmanager.servers',
        servers: configured ? ['default'] : [],
      },
      runbookTargets: {
        configured,
        configKey: 'ops.runbooks.targets',
        targets: configured ? ['automation'] : [],
      },
      backupSources: {
        configured,
        configKey: 'ops.backups.sources',
        sources: configured ? ['demo-s3'] : [],
      },
      health: { configured, configKey: 'ops.health.allowedHosts' },
    },
  };
}

export function mockOpsApi(status: OpsStatus | Error): jest.Mocked<OpsApi> {
  return {
    getStatus: jest.fn(() =>
      status instanceof Error
        ? Promise.reject(status)
        : Promise.resolve(status),
    ),
  };
}
