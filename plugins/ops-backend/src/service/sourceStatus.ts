import { OpsConfig } from '../config/OpsConfig';

/** Whether one kind of data source is configured, and under which key. */
export interface SourceStatus {
  configured: boolean;
  configKey: string;
}

/** What `GET /status` answers: panels use it to say which key is missing. */
export interface OpsSourcesStatus {
  sources: {
    prometheus: SourceStatus & { servers: string[] };
    alertmanager: SourceStatus & { servers: string[] };
    runbookTargets: SourceStatus & { targets: string[] };
    backupSources: SourceStatus & { sources: string[] };
    health: SourceStatus & { allowedHosts: string[] };
  };
}

/** Names only: URLs and headers may carry credentials and never leave the backend. */
export function sourceStatus(config: OpsConfig): OpsSourcesStatus {
  const prometheus = config.prometheus.map(s => s.name);
  const alertmanager = config.alertmanager.map(s => s.name);
  const targets = config.runbookTargets.map(t => t.name);
  const sources = config.backupSources.map(s => s.name);
  return {
    sources: {
      prometheus: {
        configured: prometheus.length > 0,
        configKey: 'ops.prometheus.servers',
        servers: prometheus,
      },
      alertmanager: {
        configured: alertmanager.length > 0,
        configKey: 'ops.alertmanager.servers',
        servers: alertmanager,
      },
      runbookTargets: {
        configured: targets.length > 0,
        configKey: 'ops.runbooks.targets',
        targets,
      },
      backupSources: {
        configured: sources.length > 0,
        configKey: 'ops.backups.sources',
        sources,
      },
      health: {
        configured: config.health.allowedHosts.length > 0,
        configKey: 'ops.health.allowedHosts',
        allowedHosts: config.health.allowedHosts,
      },
    },
  };
}
