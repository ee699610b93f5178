import { createApiRef } from '@backstage/frontend-plugin-api';

/**
 * What the ops backend reports about runbook action targets
 * (from `GET /api/ops/status`).
 *
 * @public
 */
export interface RunbookTargetsStatus {
  configured: boolean;
  /** `ops.runbooks.targets` */
  configKey: string;
  /** Names of the configured targets, e.g. `automation`. */
  targets: string[];
}

/**
 * Client of the runbook parts of the Unyo ops backend (`/api/ops`).
 *
 * @public
 */
export interface RunbooksApi {
  getTargetsStatus(): Promise<RunbookTargetsStatus>;
}

/**
 * The API reference of {@link RunbooksApi}.
 *
 * @public
 */
export const runbooksApiRef = createApiRef<RunbooksApi>({
  id: 'plugin.runbooks.ops',
});
