import type { SloStatus, SloStatusWithHistory } from '@unyo/plugin-ops-common';
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

const answer = <T>(value: T | Error) =>
  value instanceof Error ? Promise.reject(value) : Promise.resolve(value);

/**
 * A mocked ops API: the status, and optionally the live SLOs of an entity
 * and one SLO with history (by default the backend knows no SLO).
 */
export function mockOpsApi(
  status: OpsStatus | Error,
  options: {
    slos?: SloStatus[] | Error;
    slo?: SloStatusWithHistory | Error;
  } = {},
): jest.Mocked<OpsApi> {
  return {
    getStatus: jest.fn(() => answer(status)),
    getSlos: jest.fn((_entityRef: string) => {
      const slos = options.slos ?? [];
      return slos instanceof Error
        ? Promise.reject(slos)
        : Promise.resolve({ items: slos });
    }),
    getSlo: jest.fn((_namespace: string, _name: string) =>
      answer(options.slo ?? new Error('No SLO in this test')),
    ),
  };
}
