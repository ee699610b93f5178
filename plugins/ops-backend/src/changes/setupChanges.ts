import {
  AuthService,
  DatabaseService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DatabaseChangeStore } from './DatabaseChangeStore';
import { DefaultChangeService } from './DefaultChangeService';
import { ChangeService } from './types';

/** Change markers: their table and the service the routes call. */
export async function setupChanges(options: {
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
}): Promise<ChangeService> {
  return new DefaultChangeService({
    catalog: options.catalog,
    auth: options.auth,
    permissions: options.permissions,
    store: await DatabaseChangeStore.create({ database: options.database }),
  });
}
