import {
  DatabaseService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { SloService } from '../slo/SloService';
import { DatabaseGateOverrideStore } from './DatabaseGateOverrideStore';
import { DefaultGateService } from './DefaultGateService';
import { readGateAllowances } from './gateConfig';
import { GateService } from './types';

/** The deploy gate over the SLO service, with its overrides table. */
export async function setupGate(options: {
  config: Config;
  database: DatabaseService;
  permissions: PermissionsService;
  slos: SloService;
}): Promise<GateService> {
  return new DefaultGateService({
    slos: options.slos,
    permissions: options.permissions,
    overrides: await DatabaseGateOverrideStore.create({
      database: options.database,
    }),
    allowances: readGateAllowances(options.config),
  });
}
