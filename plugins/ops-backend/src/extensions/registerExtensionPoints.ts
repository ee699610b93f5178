import { BackendPluginRegistrationPoints } from '@backstage/backend-plugin-api';
import {
  ActionRunner,
  BackupSourceReader,
  MetricSourceType,
  opsBackupSourcesExtensionPoint,
  opsMetricSourcesExtensionPoint,
  opsRunbookActionsExtensionPoint,
} from '@unyo/plugin-ops-node';
import { TypeRegistry } from './TypeRegistry';

/** What the modules installed with the plugin added (docs/custom-module.md). */
export interface OpsExtensions {
  backupSources: TypeRegistry<BackupSourceReader>;
  actionTypes: TypeRegistry<ActionRunner>;
  metricSources: TypeRegistry<MetricSourceType>;
}

/** Registers the three extension points of `@unyo/plugin-ops-node`. */
export function registerExtensionPoints(
  env: BackendPluginRegistrationPoints,
): OpsExtensions {
  const extensions: OpsExtensions = {
    backupSources: new TypeRegistry('Backup source type'),
    actionTypes: new TypeRegistry('Runbook action type'),
    metricSources: new TypeRegistry('Metric source type'),
  };
  env.registerExtensionPoint(opsBackupSourcesExtensionPoint, {
    addBackupSourceReader(...readers) {
      for (const reader of readers) {
        extensions.backupSources.add(reader.type, reader);
      }
    },
  });
  env.registerExtensionPoint(opsRunbookActionsExtensionPoint, {
    addActionType(type, runner) {
      extensions.actionTypes.add(type, runner);
    },
  });
  env.registerExtensionPoint(opsMetricSourcesExtensionPoint, {
    addMetricSourceType(...types) {
      for (const type of types) extensions.metricSources.add(type.type, type);
    },
  });
  return extensions;
}
