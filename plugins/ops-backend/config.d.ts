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
        /**
         * `prometheus` (default), or a metric source type added by a backend module through
         * `opsMetricSourcesExtensionPoint` of @unyo/plugin-ops-node; that module reads its own
         * keys from this block.
         */
        type?: string;
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
      /**
       * Splits SLOs into this many shards that backend replicas claim through
       * the database, so several replicas share each round; default 1 (one
       * replica evaluates a whole round). Set the same value on every replica
       * (docs/deploy.md).
       */
      shards?: number;
      /**
       * How long a replica's claim on a shard lasts unless renewed (every third
       * of it): a replica that dies loses its shards to others after this.
       * Default 1 minute.
       */
      shardLease?: HumanDuration;
      /**
       * Step of the subquery that integrates an SLI of rates (`counter: false`) or a
       * raw ratio over a window, default 1 minute (docs/slo-expressions.md).
       */
      expressionResolution?: HumanDuration;
      /**
       * Most groups kept per SLO grouped by `unyo.dev/group-by` (the worst
       * ones); the status counts those left out. Default 100.
       */
      maxGroups?: number;
      /** The default error-budget policy: thresholds on the remaining budget ratio (defaults in docs/slo-math.md §2). */
      policy?: {
        /** Below this remaining ratio: feature freeze. Default 0.5. */
        featureFreezeBelow?: number;
        /** Below this remaining ratio: incidents only. Default 0.2. */
        incidentOnlyBelow?: number;
        /**
         * What the deploy gate (`GET /api/ops/gate`, docs/deploy-gate.md) lets through under
         * this policy. `normal` always deploys and `frozen` never does.
         */
        gate?: {
          /** Deploys under `feature-freeze`: `allow` or `deny`. Default `deny`. */
          featureFreeze?: 'allow' | 'deny';
          /** Deploys under `incident-only`: `allow` or `deny`. Default `deny`. */
          incidentOnly?: 'allow' | 'deny';
        };
      };
      /**
       * Named error-budget policies. An SLO takes the one its annotation
       * `unyo.dev/error-budget-policy` names, else its measured entity's, else that
       * entity's System's; `policy` when none names one. A name not defined here puts
       * the SLO in error, naming the annotation.
       */
      policies?: {
        [name: string]: {
          /** Below this remaining ratio: feature freeze. */
          featureFreezeBelow: number;
          /** Below this remaining ratio: incidents only (not above featureFreezeBelow). */
          incidentOnlyBelow: number;
          /**
           * What the deploy gate (`GET /api/ops/gate`, docs/deploy-gate.md) lets through under
           * this policy. `normal` always deploys and `frozen` never does. Unset keys take `ops.slo.policy.gate`'s.
           */
          gate?: {
            /** Deploys under `feature-freeze`: `allow` or `deny`. Default `deny`. */
            featureFreeze?: 'allow' | 'deny';
            /** Deploys under `incident-only`: `allow` or `deny`. Default `deny`. */
            incidentOnly?: 'allow' | 'deny';
          };
        };
      };
      /** `POST /api/ops/slos/preview`: a draft SLO evaluated on demand (docs/slo-preview.md). */
      preview?: {
        /**
         * Previews one user may ask for within `window`; more get a 429 with Retry-After.
         * Counted per backend replica. Default 10 per 1 minute.
         */
        rateLimit?: {
          /** false turns the limit off. Default true. */
          enabled?: boolean;
          /** Previews per user within `window`. Default 10. */
          maxPreviews?: number;
          /** Default 1 minute; at least 1 second. */
          window?: HumanDuration;
        };
      };
      /** Names of the rules `GET /api/ops/slos/rules` generates (docs/generated-rules.md); `runbook_url` links start at `app.baseUrl`. */
      rules?: {
        /** The burn-rate alerts' alertname, which runbooks list in `spec.alerts`. Default `SLOErrorBudgetBurn`. */
        alertName?: string;
        /** The label carrying the severity. Default `severity`. */
        severityLabel?: string;
        /** Severity values of the page and ticket tiers, e.g. `critical` and `warning` to match a level set. Default `page` and `ticket`. */
        severities?: {
          page?: string;
          ticket?: string;
        };
        /**
         * Extra labels of every burn-rate alert, for Alertmanager routing (e.g. `team: sre`).
         * An SLO's annotation `unyo.dev/rule-labels` overrides them per name; the labels the
         * generator writes (`slo`, the severity, the windows, the alert selector's) cannot be set.
         */
        labels?: { [name: string]: string };
        /**
         * Extra annotations of every burn-rate alert (Prometheus templates allowed), e.g. a
         * dashboard link. An SLO's annotation `unyo.dev/rule-annotations` overrides them per name.
         */
        annotations?: { [name: string]: string };
        /** The annotation linking each alert to its SLO's portal page (from `app.baseUrl`). Default `slo_url`. */
        sloUrlAnnotation?: string;
      };
    };
    alerts?: {
      /**
       * Alert level sets by name: ordered lists, the first entry whose `match` labels all
       * equal the alert's gives its level. An entity uses the set its annotation
       * `unyo.dev/alert-level-set` names, else its System's, else `defaultLevelSet`.
       * The built-in set `default` (critical / warning / info by `severity`, no response
       * time) applies unless redefined here.
       */
      levelSets?: {
        [name: string]: Array<{
          /** Stable id, e.g. `P1` or `critical`. */
          id: string;
          /** Shown on the alerts card, e.g. `P1 (Critical)`. */
          name: string;
          /** Respond within this many minutes; 0: at once; null or unset: no time set. */
          respondWithinMinutes?: number | null;
          /** When and to whom to escalate, shown with the level. */
          escalation?: string;
          /** Labels the alert must carry with these values, e.g. `{ severity: critical }`. */
          match: { [label: string]: string };
        }>;
      };
      /** The set for entities whose annotation (and System's) names none. Default `default`. */
      defaultLevelSet?: string;
      /**
       * The MTTR target the alerts card compares the 30-day MTTR with, in minutes
       * (`GET /alerts/history`: `mttrTargetMinutes`, `meetsTarget`). Unset: no target.
       */
      mttrTargetMinutes?: number;
    };
    runbooks?: {
      /** What `http` runbook actions may call, by name. Credentials stay in the backend. */
      targets?: {
        [name: string]: {
          baseUrl: string;
          /** @visibility secret */
          headers?: { [name: string]: string };
          /**
           * Hosts the target may reach, including after redirects; default the host and port of baseUrl.
           * Entries: host names, globs (`*.example.com`), IP addresses or CIDR ranges (`10.0.0.0/8`),
           * each optionally with `:port`. Names resolving to link-local or metadata addresses
           * (169.254.0.0/16, fe80::/10) are refused unless an IP/CIDR entry lists them (docs/runbook-actions.md).
           */
          allowedHosts?: string[];
        };
      };
      /**
       * How many executions one user may start of one runbook action per window; more answer
       * 429 with Retry-After and are audited (docs/runbook-actions.md). Counted in the plugin's
       * database, so the limit holds across replicas. Default 10 per 1 minute.
       */
      rateLimit?: {
        /** false turns the limit off. Default true. */
        enabled?: boolean;
        /** Executions per user and action within `window`. Default 10. */
        maxExecutions?: number;
        /** Default 1 minute; at least 1 second. */
        window?: HumanDuration;
      };
    };
    backups?: {
      /** How often the task `unyo-backup-status` reads every source, default 5 minutes. */
      interval?: HumanDuration;
      /**
       * Connections named by BackupPolicy targets (`source.connection`); `type` must equal the
       * target's `source.type`. Keys read by the core:
       * - `prometheus`: `server`, a name of `ops.prometheus.servers` (the first when unset).
       * The other types' keys are in the config schema of the module that reads them:
       * `s3`, `rds`, `aws-backup` (@unyo/plugin-ops-backend-module-aws), `azure-cosmosdb`
       * (@unyo/plugin-ops-backend-module-azure), `postgres-wal`, `pgbackrest`
       * (@unyo/plugin-ops-backend-module-postgres).
       * @deepVisibility secret
       */
      sources?: { [name: string]: { type: string; [key: string]: unknown } };
    };
    health?: {
      /** How often health endpoints are probed, default 30 seconds. */
      interval?: HumanDuration;
      /**
       * Hosts health URLs may point at (glob `*.example.com` allowed), each optionally with a
       * base path (`status.example.com/health`) that the URL and its redirects must stay under;
       * others are not probed.
       */
      allowedHosts?: string[];
      /**
       * Certificates of `tls://` and `smtp+starttls://` health URLs: `warning` at or below
       * `warningDays` days left (default 30), `critical` at or below `criticalDays` (default 7).
       */
      tls?: { warningDays?: number; criticalDays?: number };
    };
    /**
     * Owner notifications through Backstage's notifications service (the notifications backend
     * must be installed): to the group owning the entity, one per transition, each under a topic
     * users can mute in their notification settings (README, "Notifications").
     */
    notifications?: {
      /** false turns every kind off. Default true. */
      enabled?: boolean;
      /**
       * Language of the titles and descriptions, which the backend writes: `en` (default) or `ja`.
       */
      locale?: 'en' | 'ja';
      /** An SLO enters a worse error-budget policy state, and is back to `normal`. */
      sloPolicy?: { enabled?: boolean };
      /** A page-level burn-rate alert of an SLO starts. */
      burnRate?: { enabled?: boolean };
      /** A backup target becomes `breached` or `failing`, and recovers. */
      backups?: { enabled?: boolean };
      /** A health URL is down longer than `outageMinutes`, and is up again. */
      health?: {
        enabled?: boolean;
        /** Minutes down, from the first round that found it down, before notifying. Default 5. */
        outageMinutes?: number;
      };
      /** A runbook execution ends: to the user who started it. */
      runbooks?: { enabled?: boolean };
      /**
       * SLO digests (README, "Digests"): the SLOs that moved error-budget policy band, the
       * budget left and the top burners, under the topic `SLO digests`.
       */
      digests?: {
        /** To each group owning SLOs, about the week (Monday to Monday, UTC) before the run. */
        weekly?: {
          /** Default true (when notifications are on). */
          enabled?: boolean;
          /** Cron expression, UTC. Default `0 8 * * 1` (Monday 08:00). */
          cron?: string;
        };
        /** To `recipients`, about every SLO over the calendar month before the run. */
        monthly?: {
          /** Default true, but nothing is sent without `recipients`. */
          enabled?: boolean;
          /** Cron expression, UTC. Default `0 8 1 * *` (the 1st, 08:00). */
          cron?: string;
          /** Entity refs of the manager groups, e.g. `group:default/eng-managers`. Default none. */
          recipients?: string[];
        };
        /** How many SLOs a digest lists as top burners (most budget consumed). Default 3. */
        topBurners?: number;
      };
    };
  };
}
