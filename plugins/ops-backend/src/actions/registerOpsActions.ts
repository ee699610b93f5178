import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerAlertActions } from './alertActions';
import { registerBackupActions } from './backupActions';
import { registerExecuteRunbookAction } from './executeRunbookAction';
import { registerHealthActions } from './healthActions';
import { registerRunbookActions } from './runbookActions';
import { registerSloActions } from './sloActions';
import { OpsActionServices, OpsActionsRegistration } from './types';

/**
 * Every Unyo action, in one list: a new feature adds its registration here.
 * The mcp-actions backend serves them to AI assistants as `ops.<name>`
 * (README, "Actions for AI assistants (MCP)").
 */
const REGISTRATIONS: OpsActionsRegistration[] = [
  registerSloActions,
  registerAlertActions,
  registerRunbookActions,
  registerExecuteRunbookAction,
  registerBackupActions,
  registerHealthActions,
];

/** Registers Unyo's actions with Backstage's actions registry. */
export function registerOpsActions(
  actionsRegistry: ActionsRegistryService,
  services: OpsActionServices,
): void {
  for (const register of REGISTRATIONS) {
    register(actionsRegistry, services);
  }
}
