import type {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import { AlertService } from '../alerts/AlertService';
import { BackupService } from '../backups/BackupService';
import { HealthService } from '../health/HealthService';
import { RunbookService } from '../runbooks/RunbookService';
import { SloService } from '../slo/SloService';

/**
 * The zod the registry hands to schema callbacks: it turns the schemas into
 * the JSON schemas MCP clients read, so actions build them with it.
 */
export type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** The services Unyo's actions read and run through, as the routes do. */
export interface OpsActionServices {
  slos: SloService;
  alerts?: AlertService;
  runbooks: RunbookService;
  backups: BackupService;
  health: HealthService;
}

/** Registers one feature's actions. */
export type OpsActionsRegistration = (
  actionsRegistry: ActionsRegistryService,
  services: OpsActionServices,
) => void;
