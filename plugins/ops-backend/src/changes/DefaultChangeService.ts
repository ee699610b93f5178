import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ChangeMarker,
  opsChangeCreatePermission,
} from '@unyo/plugin-ops-common';
import { DatabaseChangeStore } from './DatabaseChangeStore';
import { ChangeQuery, ChangeService, CreateChange } from './types';

/** Change markers in the database, of entities the catalog holds. */
export class DefaultChangeService implements ChangeService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      store: DatabaseChangeStore;
      now?: () => Date;
    },
  ) {}

  async create(
    request: CreateChange,
    credentials: BackstageCredentials,
  ): Promise<ChangeMarker> {
    const { auth, permissions, store } = this.options;
    await this.requireEntity(request.entityRef, credentials);
    // Users by policy; service tokens by their access restrictions.
    const [decision] = await permissions.authorize(
      [
        {
          permission: opsChangeCreatePermission,
          resourceRef: request.entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to post change markers of this entity (permission ops.change.create)',
      );
    }
    const createdBy = auth.isPrincipal(credentials, 'user')
      ? credentials.principal.userEntityRef
      : (credentials.principal as { subject?: string }).subject ?? 'service';
    return store.add({
      entityRef: request.entityRef,
      at: request.at.toISOString(),
      kind: request.kind,
      title: request.title,
      ...(request.url ? { url: request.url } : {}),
      createdBy,
      createdAt: (this.options.now?.() ?? new Date()).toISOString(),
    });
  }

  async list(
    query: ChangeQuery,
    credentials: BackstageCredentials,
  ): Promise<ChangeMarker[]> {
    await this.requireEntity(query.entityRef, credentials);
    return this.options.store.list(query);
  }

  /**
   * A 404 unless the catalog holds the entity. Users read with their own
   * catalog permissions; CI tokens are usually restricted to this plugin and
   * may not read the catalog, so services ask with the plugin's identity.
   */
  private async requireEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const { auth, catalog } = this.options;
    const asked = auth.isPrincipal(credentials, 'user')
      ? credentials
      : await auth.getOwnServiceCredentials();
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: asked,
    });
    if (!entity) {
      throw new NotFoundError(`entityRef ${entityRef} is not in the catalog`);
    }
  }
}
