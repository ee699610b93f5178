import { HumanDuration } from '@backstage/types';

export interface Config {
  ops?: {
    backups?: {
      /**
       * Connections named by BackupPolicy targets (`source.connection`). Keys
       * read by this module, for connections of `type` `postgres-wal` or `pgbackrest`.
       * @deepVisibility secret
       */
      sources?: {
        [name: string]: {
          type: string;
          /**
           * `postgres-wal`: a connection string or `{ host, port, user, password,
           * database, ssl }`, a role with pg_monitor (sessions are read-only).
           */
          connection?:
            | string
            | {
                host?: string;
                port?: number;
                user?: string;
                password?: string;
                database?: string;
                ssl?: boolean | { [key: string]: unknown };
              };
          /** Connect and query timeout (`postgres-wal`, default 10 s) or run timeout (`pgbackrest`, default 30 s). */
          timeout?: HumanDuration;
          /**
           * `pgbackrest`: program path or list run without a shell, default
           * `pgbackrest`; e.g. `[sudo, -n, -u, postgres, pgbackrest]`.
           */
          command?: string | string[];
          /** `pgbackrest`: `--config`. */
          configFile?: string;
          /** `pgbackrest`: `--repo`. */
          repo?: number;
          /** `pgbackrest`: more options, each `--name=value`, e.g. `--repo1-path=/backups`. */
          options?: string[];
          [key: string]: unknown;
        };
      };
    };
  };
}
