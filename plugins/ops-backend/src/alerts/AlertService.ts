import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AlertHistorySummary,
  AlertsResponse,
  CreateSilenceRequest,
  Silence,
} from '@unyo/plugin-ops-common';

/** The alerts, rules and history of entities (`GET /alerts...`). */
export interface AlertService {
  listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<AlertsResponse>;
  historyForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<AlertHistorySummary & { selector?: string }>;
}

/**
 * Silences scoped to an entity's selector. Every method checks
 * `ops.silence.create` with the caller's credentials and audits changes.
 */
export interface SilenceService {
  create(
    request: CreateSilenceRequest,
    credentials: BackstageCredentials,
  ): Promise<{
    silenceId: string;
    silences: Array<{ server: string; silenceId: string }>;
  }>;
  listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ items: Silence[]; notConfigured?: string[] }>;
  expire(
    id: string,
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void>;
}
