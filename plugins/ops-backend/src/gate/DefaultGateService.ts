import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { opsGateOverridePermission } from '@unyo/plugin-ops-common';
import { SloService } from '../slo/SloService';
import { DatabaseGateOverrideStore } from './DatabaseGateOverrideStore';
import { decideGate } from './decideGate';
import { GateAllowances } from './gateConfig';
import {
  CreateGateOverride,
  GateDecision,
  GateOverride,
  GateService,
} from './types';

/** The gate from the SLO statuses the evaluator stored, and overrides in the database. */
export class DefaultGateService implements GateService {
  constructor(
    private readonly options: {
      slos: SloService;
      overrides: DatabaseGateOverrideStore;
      permissions: PermissionsService;
      allowances: Record<string, GateAllowances>;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async decide(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<GateDecision> {
    // listForEntity reads with the caller's catalog permissions: a 404 for
    // an entity they cannot see.
    const slos = await this.options.slos.listForEntity(entityRef, credentials);
    const [override] = await this.options.overrides.active(
      this.now(),
      entityRef,
    );
    return decideGate({
      entityRef,
      slos,
      allowances: this.options.allowances,
      override,
    });
  }

  async createOverride(
    request: CreateGateOverride,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<GateOverride> {
    await this.authorizeOverride(request.entityRef, credentials);
    return this.options.overrides.add({
      entityRef: request.entityRef,
      reason: request.reason,
      createdBy: credentials.principal.userEntityRef,
      createdAt: this.now().toISOString(),
      expiresAt: request.expiresAt.toISOString(),
    });
  }

  async endOverride(
    id: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<GateOverride> {
    const override = await this.options.overrides.activeById(id, this.now());
    if (!override) {
      throw new NotFoundError(`No active deploy-gate override ${id}`);
    }
    await this.authorizeOverride(override.entityRef, credentials);
    await this.options.overrides.expire(id, this.now());
    return override;
  }

  /** Creating and ending an override are the same decision on the entity. */
  private async authorizeOverride(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: opsGateOverridePermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to override the deploy gate (permission ops.gate.override)',
      );
    }
  }

  listOverrides(entityRef?: string): Promise<GateOverride[]> {
    return this.options.overrides.active(this.now(), entityRef);
  }
}
