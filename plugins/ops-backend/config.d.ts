import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Unyo operations plugin (`@unyo/plugin-ops-backend`). Every key is optional: a panel whose source is not configured says which key is missing. */
  ops?: {
    prometheus?: {
      /** Prometheus-compatible query APIs (Prometheus, Thanos, Mimir, Cortex). The first is the default; an SLO names another with `metricSourceRef`. */
      servers: Array<{
        /** Unique name, referenced by SLOs and runbook actions. */
        name: string;
        /** Base URL of the query API, e.g. http://prometheus:9090 or https://mimir/prometheus */
        url: string;
        /**
         * Extra request headers, e.g. `X-Scope-OrgID` for a Mimir tenant or `Authorization`.
         * @visibility secret
         */
        headers?: { [name: string]: string };
        /** Request timeout, default 10 seconds. */
        timeout?: HumanDuration;
      }>;
    };
    alertmanager?: {
      /** Alertmanager API v2 servers; the first is the default. */
      servers: Array<{
        name: string;
        url: string;
        /** @visibility secret */
        headers?: { [name: string]: string };
        timeout?: HumanDuration;
      }>;
    };
    slo?: {
      /** How often every SLO is evaluated, default 1 minute. */
      evaluationInterval?: HumanDuration;
      /** Error-budget policy thresholds on the remaining budget ratio (default: seed 001's policy). */
      policy?: {
        /** Below this remaining ratio: feature freeze. Default 0.5. */
        featureFreezeBelow?: number;
        /** Below this remaining ratio: incidents only. Default 0.2. */
        incidentOnlyBelow?: number;
      };
    };
    runbooks?: {
      /** What `http` runbook actions may call, by name. Credentials stay in the backend. */
      targets?: {
        [name: string]: {
          baseUrl: string;
          /** @visibility secret */
          headers?: { [name: string]: string };
          /** Hosts the target may reach, including after redirects; default the host of baseUrl. */
          allowedHosts?: string[];
        };
      };
    };
    backups?: {
      /**
       * Connections named by BackupPolicy targets (`source.connection`): postgres, pgbackrest, s3, aws, azure.
       * @deepVisibility secret
       */
      sources?: { [name: string]: { type: string; [key: string]: unknown } };
    };
    health?: {
      /** How often health endpoints are probed, default 30 seconds. */
      interval?: HumanDuration;
      /** Hosts health URLs may point at (glob `*.example.com` allowed); others are not probed. */
      allowedHosts?: string[];
    };
  };
}
