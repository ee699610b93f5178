import type { Entity } from '@backstage/catalog-model';
import { RUNBOOK_KIND, UNYO_API_VERSION } from './constants';
import { isKind } from './isKind';
import type { OpsJsonObject, OpsJsonValue } from './json';

/** @public */
export type RunbookSeverity =
  | 'critical'
  | 'high'
  | 'medium'
  | 'low'
  | 'P1'
  | 'P2'
  | 'P3'
  | 'P4';

/** @public */
export type RunbookStep = {
  title: string;
  titleJa?: string;
  /** Markdown. */
  description?: string;
  /** A command shown for copying; the portal never executes it. */
  run?: string;
  /** Language of `run`: bash, sql, ... */
  language?: string;
  /** The id of an action in `spec.actions`. */
  action?: string;
};

/** @public */
export type RunbookActionType =
  | 'http'
  | 'alertmanager-silence'
  | 'prometheus-query'
  | 'health-check';

/** @public */
export type RunbookHttpRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Resolved against the target's baseUrl; always starts with `/`. */
  path: string;
  headers?: { [name: string]: string };
  body?: OpsJsonValue;
};

/**
 * Follows the run an `http` action started: the run id is read from the
 * answer at `idFrom` (a JSON pointer), then `path` (`{id}` replaced) is read
 * every `intervalSeconds` until the status at `statusFrom` is one of
 * `succeededWhen` or `failedWhen`, within the action's timeout.
 *
 * @public
 */
export type RunbookHttpPoll = {
  path: string;
  idFrom: string;
  statusFrom: string;
  succeededWhen: string[];
  failedWhen?: string[];
  intervalSeconds?: number;
};

/** @public */
export type RunbookExpectation = {
  op: 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'ne';
  value: number;
};

/**
 * An executable action. `http` requires `target` and `request`;
 * `prometheus-query` requires `query` and `expect`.
 *
 * @public
 */
export type RunbookAction = {
  id: string;
  title: string;
  titleJa?: string;
  description?: string;
  type: RunbookActionType;
  /** Ask for the runbook's name as a typed confirmation. */
  destructive?: boolean;
  timeoutSeconds?: number;
  /** A JSON schema of the parameters the action takes. */
  parameters?: OpsJsonObject;
  /**
   * How the runner's form shows the parameters: a react-jsonschema-form
   * uiSchema (`ui:widget`, `ui:order`, `ui:help` ...); `ui:widget: password`
   * also marks a secret, stored and audited as `***`.
   */
  uiSchema?: OpsJsonObject;
  /** A key of `ops.runbooks.targets` in app-config. */
  target?: string;
  request?: RunbookHttpRequest;
  query?: string;
  /** A Prometheus server name from `ops.prometheus.servers`. */
  server?: string;
  expect?: RunbookExpectation;
  durationMinutes?: number;
  /** `http`: follow the started run until it ends. */
  poll?: RunbookHttpPoll;
};

/** A Runbook entity. @public */
export interface RunbookEntity extends Entity {
  apiVersion: typeof UNYO_API_VERSION;
  kind: typeof RUNBOOK_KIND;
  spec: {
    titleJa?: string;
    description?: string;
    owner: string;
    appliesTo: string[];
    severity?: RunbookSeverity;
    /** Alert names answered by this runbook. */
    alerts?: string[];
    steps: RunbookStep[];
    actions?: RunbookAction[];
  };
}

/** @public */
export function isRunbookEntity(entity: Entity): entity is RunbookEntity {
  return isKind(entity, UNYO_API_VERSION, RUNBOOK_KIND);
}
