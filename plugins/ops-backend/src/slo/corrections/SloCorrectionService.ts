import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  isSloEntity,
  opsSloCorrectPermission,
  SloCorrection,
} from '@unyo/plugin-ops-common';
import { DatabaseSloCorrectionStore } from './DatabaseSloCorrectionStore';
import { CreateSloCorrection } from './validation';

/**
 * An SLO's error-budget corrections: read by whoever may read the SLO,
 * added and deleted with `ops.slo.correct` on it. The evaluator excludes
 * them from the next round on (docs/slo-math.md).
 */
export class SloCorrectionService {
  constructor(
    private readonly options: {
      store: DatabaseSloCorrectionStore;
      catalog: CatalogService;
      permissions: PermissionsService;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** NotFoundError unless the caller may read the SLO. */
  private async requireSlo(sloRef: string, credentials: BackstageCredentials) {
    const entity = await this.options.catalog.getEntityByRef(sloRef, {
      credentials,
    });
    if (!entity || !isSloEntity(entity)) {
      throw new NotFoundError(`No SLO ${sloRef} in the catalog`);
    }
  }

  private async requireCorrect(
    sloRef: string,
    credentials: BackstageCredentials,
  ) {
    await this.requireSlo(sloRef, credentials);
    const [decision] = await this.options.permissions.authorize(
      [{ permission: opsSloCorrectPermission, resourceRef: sloRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to correct this SLO (permission ops.slo.correct)',
      );
    }
  }

  async list(
    sloRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloCorrection[]> {
    await this.requireSlo(sloRef, credentials);
    return this.options.store.list(sloRef);
  }

  async create(
    sloRef: string,
    request: CreateSloCorrection,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<SloCorrection> {
    await this.requireCorrect(sloRef, credentials);
    return this.options.store.add({
      sloRef,
      start: request.start.toISOString(),
      end: request.end.toISOString(),
      category: request.category,
      reason: request.reason,
      createdBy: credentials.principal.userEntityRef,
      createdAt: this.now().toISOString(),
    });
  }

  async delete(
    sloRef: string,
    id: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<void> {
    await this.requireCorrect(sloRef, credentials);
    if (!(await this.options.store.delete(sloRef, id, this.now()))) {
      throw new NotFoundError(`No correction ${id} of ${sloRef}`);
    }
  }
}
