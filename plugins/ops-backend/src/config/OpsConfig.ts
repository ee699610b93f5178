import { Config, readDurationFromConfig } from '@backstage/config';
import { NotificationsConfig, readNotificationsConfig } from './notifications';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  CertificateThresholds,
  DEFAULT_SLO_POLICY_THRESHOLDS,
  SloPolicyThresholds,
} from '@unyo/plugin-ops-common';
import { AlertLevelsConfig, readAlertLevels } from './alertLevels';
import { readCertificateThresholds } from './certificateThresholds';
import {
  readRunbookRateLimit,
  readSloPreviewRateLimit,
  RunbookRateLimit,
  SloPreviewRateLimit,
} from './rateLimit';

/** A named HTTP server Unyo reads from: Prometheus-compatible or Alertmanager. */
export interface OpsServerConfig {
  name: string;
  url: string;
  headers: Record<string, string>;
  timeout: HumanDuration;
  /**
   * `prometheus` (the backend's own client) or a metric source type a module
   * added through `opsMetricSourcesExtensionPoint` (docs/custom-module.md);
   * `prometheus` when unset.
   */
  type?: string;
  /** The server's own block, for a module's client to read its keys. */
  config?: Config;
}

export interface OpsRunbookTargetConfig {
  name: string;
  baseUrl: string;
  headers: Record<string, string>;
  allowedHosts: string[];
}

/** The `ops` section of app-config, validated and with defaults applied. */
export interface OpsConfig {
  prometheus: OpsServerConfig[];
  alertmanager: OpsServerConfig[];
  slo: {
    evaluationInterval: HumanDuration;
    /** `ops.slo.expressionResolution` in seconds: the step integrating rates. */
    expressionResolutionSeconds: number;
    policy: SloPolicyThresholds;
    /** `ops.slo.policies`: named policies SLOs choose by annotation. */
    policies: Record<string, SloPolicyThresholds>;
    /** `ops.slo.maxGroups`: most groups kept per grouped SLO. */
    maxGroups: number;
    /** `ops.slo.preview.rateLimit`; undefined when turned off. */
    previewRateLimit?: SloPreviewRateLimit;
  };
  /** `ops.alerts`: level sets by name and the one used by default. */
  alerts: AlertLevelsConfig;
  runbookTargets: OpsRunbookTargetConfig[];
  /** `ops.runbooks.rateLimit`; undefined when turned off. */
  runbookRateLimit?: RunbookRateLimit;
  /** Each source module reads its own keys from `config`. */
  backupSources: Array<{ name: string; type: string; config: Config }>;
  /** How often the backup task reads the sources (`ops.backups.interval`). */
  backupInterval: HumanDuration;
  health: {
    interval: HumanDuration;
    allowedHosts: string[];
    /** `ops.health.tls`: days-left thresholds of certificates. */
    tls: CertificateThresholds;
  };
  /** `ops.notifications`: owner notifications through the notifications service. */
  notifications: NotificationsConfig;
}

const DEFAULT_TIMEOUT: HumanDuration = { seconds: 10 };

function readUrl(config: Config, key: string, path: string): string {
  const value = config.getString(key);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`${path}.${key} is not a valid URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`${path}.${key} must be an http(s) URL: "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

function readHeaders(config: Config): Record<string, string> {
  const headers = config.getOptionalConfig('headers');
  if (!headers) {
    return {};
  }
  return Object.fromEntries(
    headers.keys().map(name => [name, headers.getString(name)]),
  );
}

function readServers(config: Config, path: string): OpsServerConfig[] {
  const servers = config.getOptionalConfigArray(`${path}.servers`) ?? [];
  const seen = new Set<string>();
  return servers.map((server, index) => {
    const at = `ops.${path}.servers[${index}]`;
    const name = server.getString('name');
    if (seen.has(name)) {
      throw new InputError(`${at}.name "${name}" is used twice`);
    }
    seen.add(name);
    return {
      name,
      url: readUrl(server, 'url', at),
      headers: readHeaders(server),
      timeout: server.has('timeout')
        ? readDurationFromConfig(server, { key: 'timeout' })
        : DEFAULT_TIMEOUT,
      // Only a typed server keeps its block: a module's client reads it.
      ...(server.has('type')
        ? { type: server.getString('type'), config: server }
        : {}),
    };
  });
}

function readRatio(
  config: Config,
  key: string,
  fallback: number,
  path: string,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value >= 0 && value <= 1)) {
    throw new InputError(`${path}.${key} must be between 0 and 1`);
  }
  return value;
}

function readPolicy(
  policy: Config | undefined,
  path: string,
  fallback: SloPolicyThresholds,
): SloPolicyThresholds {
  const featureFreezeBelow = policy
    ? readRatio(policy, 'featureFreezeBelow', fallback.featureFreezeBelow, path)
    : fallback.featureFreezeBelow;
  const incidentOnlyBelow = policy
    ? readRatio(policy, 'incidentOnlyBelow', fallback.incidentOnlyBelow, path)
    : fallback.incidentOnlyBelow;
  if (incidentOnlyBelow > featureFreezeBelow) {
    throw new InputError(
      `${path}.incidentOnlyBelow must not exceed ${path}.featureFreezeBelow`,
    );
  }
  return { featureFreezeBelow, incidentOnlyBelow };
}

function readMaxGroups(ops: Config | undefined): number {
  const key = 'slo.maxGroups';
  const value = ops?.getOptionalNumber(key) ?? 100;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(`ops.${key} must be a whole number of at least 1`);
  }
  return value;
}

function readResolution(ops: Config | undefined): number {
  const key = 'slo.expressionResolution';
  if (!ops?.has(key)) return 60;
  const seconds =
    durationToMilliseconds(readDurationFromConfig(ops, { key })) / 1000;
  if (!(seconds >= 1)) {
    throw new InputError(`ops.${key} must be at least one second`);
  }
  return seconds;
}

/**
 * Reads the `ops` section. Everything is optional so the portal starts with
 * none of it; what is set must be well-formed, and a mistake names its key.
 */
export function readOpsConfig(root: Config): OpsConfig {
  const ops = root.getOptionalConfig('ops');
  const policy = readPolicy(
    ops?.getOptionalConfig('slo.policy'),
    'ops.slo.policy',
    DEFAULT_SLO_POLICY_THRESHOLDS,
  );
  const policies = ops?.getOptionalConfig('slo.policies');
  const targets = ops?.getOptionalConfig('runbooks.targets');
  const sources = ops?.getOptionalConfig('backups.sources');

  return {
    prometheus: ops ? readServers(ops, 'prometheus') : [],
    alertmanager: ops ? readServers(ops, 'alertmanager') : [],
    slo: {
      evaluationInterval: ops?.has('slo.evaluationInterval')
        ? readDurationFromConfig(ops, { key: 'slo.evaluationInterval' })
        : { minutes: 1 },
      expressionResolutionSeconds: readResolution(ops),
      maxGroups: readMaxGroups(ops),
      policy,
      // A named policy states both thresholds (no silent mix with the default).
      policies: Object.fromEntries(
        (policies?.keys() ?? []).map(name => {
          const at = `ops.slo.policies.${name}`;
          const set = policies!.getConfig(name);
          for (const key of ['featureFreezeBelow', 'incidentOnlyBelow']) {
            if (!set.has(key)) throw new InputError(`${at}.${key} is required`);
          }
          return [name, readPolicy(set, at, policy)];
        }),
      ),
      previewRateLimit: readSloPreviewRateLimit(
        ops?.getOptionalConfig('slo.preview.rateLimit'),
      ),
    },
    alerts: readAlertLevels(ops?.getOptionalConfig('alerts')),
    runbookTargets: (targets?.keys() ?? []).map(name => {
      const target = targets!.getConfig(name);
      const at = `ops.runbooks.targets.${name}`;
      const baseUrl = readUrl(target, 'baseUrl', at);
      return {
        name,
        baseUrl,
        headers: readHeaders(target),
        allowedHosts: target.getOptionalStringArray('allowedHosts') ?? [
          new URL(baseUrl).host,
        ],
      };
    }),
    runbookRateLimit: readRunbookRateLimit(
      ops?.getOptionalConfig('runbooks.rateLimit'),
    ),
    backupSources: (sources?.keys() ?? []).map(name => ({
      name,
      type: sources!.getConfig(name).getString('type'),
      config: sources!.getConfig(name),
    })),
    backupInterval: ops?.has('backups.interval')
      ? readDurationFromConfig(ops, { key: 'backups.interval' })
      : { minutes: 5 },
    health: {
      interval: ops?.has('health.interval')
        ? readDurationFromConfig(ops, { key: 'health.interval' })
        : { seconds: 30 },
      allowedHosts: ops?.getOptionalStringArray('health.allowedHosts') ?? [],
      tls: readCertificateThresholds(ops?.getOptionalConfig('health.tls')),
    },
    notifications: readNotificationsConfig(
      ops?.getOptionalConfig('notifications'),
    ),
  };
}
