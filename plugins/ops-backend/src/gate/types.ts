import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { SloPolicy, SloPolicySet, SloState } from '@unyo/plugin-ops-common';

/** How one SLO weighs in a gate decision. */
export interface GateSloVerdict {
  ref: string;
  title?: string;
  state: SloState;
  policy?: SloPolicy;
  policySet?: SloPolicySet;
  remainingRatio?: number;
  /** false when this SLO's policy state denies deploys. */
  allow: boolean;
}

/** A deploy allowed by hand whatever the SLOs say, until it expires. */
export interface GateOverride {
  id: string;
  entityRef: string;
  reason: string;
  /** The user who created it. */
  createdBy: string;
  /** ISO instants. */
  createdAt: string;
  expiresAt: string;
}

/** `GET /gate`: may the entity deploy now, and why. */
export interface GateDecision {
  entityRef: string;
  allow: boolean;
  /** One sentence per SLO that denies, or why deploys are allowed. */
  reasons: string[];
  slos: GateSloVerdict[];
  /** The active override that allows deploys despite a denying SLO. */
  override?: GateOverride;
}

/** What `POST /gate/overrides` asks for, validated. */
export interface CreateGateOverride {
  entityRef: string;
  reason: string;
  expiresAt: Date;
}

/** The deploy gate: error-budget policy states of an entity's SLOs, and overrides. */
export interface GateService {
  decide(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<GateDecision>;
  /** Permission `ops.gate.override` on the entity; users only. */
  createOverride(
    request: CreateGateOverride,
    credentials: BackstageCredentials,
  ): Promise<GateOverride>;
  /**
   * Ends an active override now (permission `ops.gate.override` on its
   * entity; users only); a 404 for an unknown or expired id.
   */
  endOverride(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<GateOverride>;
  /** Overrides not yet expired, of one entity or all. */
  listOverrides(entityRef?: string): Promise<GateOverride[]>;
}
