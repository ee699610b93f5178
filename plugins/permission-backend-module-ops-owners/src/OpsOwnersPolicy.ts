import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  opsRunbookExecutePermission,
  opsSilenceCreatePermission,
} from '@unyo/plugin-ops-common';

/**
 * Owner-only operations: `ops.runbook.execute` is allowed to the owners of the
 * Runbook entity, `ops.silence.create` to the owners of the entity whose
 * alerts are silenced (a user owns what they, or a group they belong to,
 * own: the user's `ownershipEntityRefs`). Every other permission goes to
 * `otherwise`, which allows everything unless given.
 *
 * @public
 */
export class OpsOwnersPolicy implements PermissionPolicy {
  constructor(private readonly otherwise?: PermissionPolicy) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (
      isPermission(permission, opsRunbookExecutePermission) ||
      isPermission(permission, opsSilenceCreatePermission)
    ) {
      // Resolved by the catalog, which owns the catalog-entity rules.
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    if (this.otherwise) return this.otherwise.handle(request, user);
    return { result: AuthorizeResult.ALLOW };
  }
}
