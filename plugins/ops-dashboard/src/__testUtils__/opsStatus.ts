import type {
  BackupCoverage,
  BackupStatus,
  ChangeMarker,
  CreateSilenceRequest,
  HealthStatus,
  SloCorrection,
  SloStatus,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';
import {
  CreateSloCorrectionRequest,
  OpsApi,
  OpsStatus,
  SloReportQuery,
} from '../api';

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
    /** The journeys of any entity. */
    journeys?: SloStatus[] | Error;
    slo?: SloStatusWithHistory | Error;
    /** What a preview answers, whatever the draft. */
    preview?: SloStatusWithHistory | Error;
    /** Health items by entity ref (none for others). */
    health?: Record<string, HealthStatus[] | Error>;
    /** Backup statuses by entity ref (none for others). */
    backups?: Record<string, BackupStatus[] | Error>;
    /** Backup coverage by system ref. */
    coverage?: Record<string, BackupCoverage | Error>;
    /** The corrections of every SLO. */
    corrections?: SloCorrection[];
    /** Change markers of every entity (none by default). */
    changes?: ChangeMarker[];
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
    getJourneys: jest.fn((_entityRef: string) => {
      const journeys = options.journeys ?? [];
      return journeys instanceof Error
        ? Promise.reject(journeys)
        : Promise.resolve({ items: journeys });
    }),
    getSlo: jest.fn((_namespace: string, _name: string) =>
      answer(options.slo ?? new Error('No SLO in this test')),
    ),
    previewSlo: jest.fn((_document: string) =>
      answer(options.preview ?? new Error('No preview in this test')),
    ),
    getAlerts: jest.fn((_entityRef: string) =>
      Promise.reject(new Error('No alerts in this test')),
    ),
    getAlertHistory: jest.fn((_entityRef: string) =>
      Promise.reject(new Error('No alert history in this test')),
    ),
    createSilence: jest.fn((_request: CreateSilenceRequest) =>
      Promise.reject(new Error('No silences in this test')),
    ),
    getSilences: jest.fn((_entityRef: string) =>
      Promise.resolve({ items: [] }),
    ),
    expireSilence: jest.fn((_id: string, _entityRef: string) =>
      Promise.reject(new Error('No silences in this test')),
    ),
    getHealth: jest.fn((entityRef: string) => {
      const items = options.health?.[entityRef] ?? [];
      return items instanceof Error
        ? Promise.reject(items)
        : Promise.resolve({ items });
    }),
    getBackups: jest.fn((entityRef: string) => {
      const items = options.backups?.[entityRef] ?? [];
      return items instanceof Error
        ? Promise.reject(items)
        : Promise.resolve({ items });
    }),
    getBackupCoverage: jest.fn((systemRef: string) =>
      answer(
        options.coverage?.[systemRef] ??
          new Error(`No coverage of ${systemRef} in this test`),
      ),
    ),
    getChanges: jest.fn((_query: { entityRef: string }) =>
      Promise.resolve({ items: options.changes ?? [] }),
    ),
    getSloReport: jest.fn((_query: SloReportQuery) =>
      Promise.reject(new Error('No SLO report in this test')),
    ),
    getSloReportSummary: jest.fn((_query: SloReportQuery) =>
      Promise.reject(new Error('No SLO report in this test')),
    ),
    getSloReportCsv: jest.fn((_query: SloReportQuery) =>
      Promise.reject(new Error('No SLO report in this test')),
    ),
    getSloCorrections: jest.fn((_namespace: string, _name: string) =>
      Promise.resolve({ items: options.corrections ?? [] }),
    ),
    createSloCorrection: jest.fn(
      (
        _namespace: string,
        _name: string,
        _request: CreateSloCorrectionRequest,
      ) => Promise.reject(new Error('No corrections in this test')),
    ),
    deleteSloCorrection: jest.fn(
      (_namespace: string, _name: string, _id: string) =>
        Promise.reject(new Error('No corrections in this test')),
    ),
  };
}
