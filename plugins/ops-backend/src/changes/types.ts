import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ChangeKind, ChangeMarker } from '@unyo/plugin-ops-common';

/** What `POST /changes` asks for, validated. */
export interface CreateChange {
  entityRef: string;
  at: Date;
  kind: ChangeKind;
  title: string;
  url?: string;
}

/** `GET /changes`: one entity's changes in [from, to]. */
export interface ChangeQuery {
  entityRef: string;
  from: Date;
  to: Date;
}

/** Change markers of catalog entities (docs/change-markers.md). */
export interface ChangeService {
  /** Permission `ops.change.create` on the entity, which must be in the catalog. */
  create(
    request: CreateChange,
    credentials: BackstageCredentials,
  ): Promise<ChangeMarker>;
  /** Oldest first; a 404 for an entity the caller cannot see. */
  list(
    query: ChangeQuery,
    credentials: BackstageCredentials,
  ): Promise<ChangeMarker[]>;
}
