import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  ActionRunner,
  BackupSourceReader,
  opsBackupSourcesExtensionPoint,
  opsRunbookActionsExtensionPoint,
  requireEntityRef,
} from '@unyo/plugin-ops-node';

/** What a Velero `Backup` resource says about one run (the part read here). */
export interface VeleroBackup {
  name: string;
  phase: 'Completed' | 'PartiallyFailed' | 'Failed' | 'InProgress';
  completionTimestamp?: string;
}

/**
 * The custom module of docs/custom-module.md: a `velero` backup source and a
 * `pagerduty-trigger` action. `listBackups` stands for the Kubernetes API
 * call (`velero.io/v1` Backups in the connection's namespace).
 */
export function createExampleModule(options: {
  listBackups(namespace: string, schedule: string): Promise<VeleroBackup[]>;
}) {
  return createBackendModule({
    pluginId: 'ops',
    moduleId: 'example-velero-pagerduty',
    register(env) {
      env.registerInit({
        deps: {
          config: coreServices.rootConfig,
          backupSources: opsBackupSourcesExtensionPoint,
          actions: opsRunbookActionsExtensionPoint,
        },
        async init({ config, backupSources, actions }) {
          const velero: BackupSourceReader = {
            type: 'velero',
            async read({ target, connection }) {
              const namespace =
                connection?.config.getOptionalString('namespace') ?? 'velero';
              const schedule = target.source.prefix;
              if (!schedule) {
                throw new InputError(
                  `Target ${target.name} has no source.prefix: the Velero schedule name`,
                );
              }
              const backups = await options.listBackups(namespace, schedule);
              return {
                copies: backups
                  .filter(b => b.completionTimestamp)
                  .map(b => ({
                    finishedAt: new Date(b.completionTimestamp!),
                    status:
                      b.phase === 'Completed'
                        ? ('succeeded' as const)
                        : ('failed' as const),
                    location: b.name,
                  }))
                  .sort((a, b) => +b.finishedAt - +a.finishedAt),
              };
            },
          };
          backupSources.addBackupSourceReader(velero);

          const eventsUrl = config.getString('pagerduty.eventsUrl');
          const pagerDuty: ActionRunner = {
            async prepare(context) {
              const entityRef = requireEntityRef(context);
              const routingKey = context.parameters.routingKey;
              if (typeof routingKey !== 'string') {
                throw new InputError('parameters.routingKey is required');
              }
              return async signal => {
                const response = await fetch(eventsUrl, {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({
                    routing_key: routingKey,
                    event_action: 'trigger',
                    payload: {
                      summary: `${context.action.title} (${entityRef})`,
                      source: entityRef,
                      severity: 'critical',
                    },
                  }),
                  signal,
                });
                const summary = `PagerDuty answered HTTP ${response.status}`;
                return response.ok
                  ? { status: 'succeeded', output: { summary } }
                  : { status: 'failed', output: { summary, error: summary } };
              };
            },
          };
          actions.addActionType('pagerduty-trigger', pagerDuty);
        },
      });
    },
  });
}
