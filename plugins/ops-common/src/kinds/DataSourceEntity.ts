import type { Entity } from '@backstage/catalog-model';
import { DATA_SOURCE_KIND, OPENSLO_API_VERSION } from './constants';
import { isKind } from './isKind';
import type { OpsJsonObject } from './json';

/**
 * An OpenSLO v1 DataSource document in the catalog. Unyo loads it and never
 * connects to it: queries go to the servers of its own configuration.
 *
 * @public
 */
export interface DataSourceEntity extends Entity {
  apiVersion: typeof OPENSLO_API_VERSION;
  kind: typeof DATA_SOURCE_KIND;
  spec: {
    description?: string;
    /** e.g. `Prometheus`, `CloudWatch`. */
    type: string;
    connectionDetails: OpsJsonObject;
  };
}

/** @public */
export function isDataSourceEntity(entity: Entity): entity is DataSourceEntity {
  return isKind(entity, OPENSLO_API_VERSION, DATA_SOURCE_KIND);
}
