import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  RELATION_HAS_RUNBOOK,
  RunbookSummary,
  RunbooksResponse,
  getRunbookAppliesToRefs,
  isRunbookEntity,
  opsRunbookExecutePermission,
  toRunbookCandidate,
} from '@unyo/plugin-ops-common';
import { AlertService } from '../alerts/AlertService';
import { describeError } from './executionErrors';

const SEVERITY_ORDER = [
  'critical',
  'P1',
  'high',
  'P2',
  'medium',
  'P3',
  'low',
  'P4',
];

export interface RunbookListingOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  logger: LoggerService;
  alerts?: AlertService;
}

/** Those answering firing alerts first, then by severity, then by title. */
export function rankRunbooks(items: RunbookSummary[]): RunbookSummary[] {
  const rank = (s: RunbookSummary) =>
    s.severity ? SEVERITY_ORDER.indexOf(s.severity) : SEVERITY_ORDER.length;
  return items.sort(
    (a, b) =>
      b.firingAlerts.length - a.firingAlerts.length ||
      rank(a) - rank(b) ||
      a.title.localeCompare(b.title),
  );
}

/** Alerts firing on the entity; none when alerts cannot be read. */
async function firingAlerts(
  options: RunbookListingOptions,
  entityRef: string,
  credentials: BackstageCredentials,
) {
  if (!options.alerts) return [];
  try {
    const { items } = await options.alerts.listForEntity(
      entityRef,
      credentials,
    );
    return items.filter(a => a.state === 'firing' || a.state === 'suppressed');
  } catch (error) {
    // The runbooks of the entity are still worth listing.
    options.logger.warn(
      `Could not read the alerts of ${entityRef} for its runbooks: ${describeError(
        error,
      )}`,
    );
    return [];
  }
}

/**
 * The runbooks of an entity: those it has or that apply to it, and those
 * answering an alert firing on it, each with whether the caller may execute
 * its actions (docs/runbook-actions.md).
 */
export async function listRunbooks(
  options: RunbookListingOptions,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<RunbooksResponse> {
  const { catalog } = options;
  const ref = entityRef.toLocaleLowerCase('en-US');
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }
  const [{ items }, firing] = await Promise.all([
    catalog.getEntities({ filter: { kind: 'Runbook' } }, { credentials }),
    firingAlerts(options, entityRef, credentials),
  ]);
  const hasRunbook = new Set(
    (entity.relations ?? [])
      .filter(r => r.type === RELATION_HAS_RUNBOOK)
      .map(r => r.targetRef.toLocaleLowerCase('en-US')),
  );
  const summaries = items.filter(isRunbookEntity).flatMap(runbook => {
    const candidate = toRunbookCandidate(runbook);
    const firingAlertNames = [
      ...new Set(
        firing
          .filter(
            a =>
              a.runbookRef === candidate.ref ||
              (candidate.alerts.includes(a.alertname) &&
                candidate.appliesTo.includes(ref)),
          )
          .map(a => a.alertname),
      ),
    ];
    const applies =
      hasRunbook.has(candidate.ref) || candidate.appliesTo.includes(ref);
    if (!applies && firingAlertNames.length === 0) return [];
    return [{ runbook, ref: candidate.ref, firingAlerts: firingAlertNames }];
  });
  const decisions = summaries.length
    ? await options.permissions.authorize(
        summaries.map(s => ({
          permission: opsRunbookExecutePermission,
          resourceRef: s.ref,
        })),
        { credentials },
      )
    : [];
  const result: RunbookSummary[] = summaries.map(
    ({ runbook, ref: runbookRef, firingAlerts: names }, i) => ({
      ref: runbookRef,
      title: runbook.metadata.title ?? runbook.metadata.name,
      ...(runbook.spec.severity ? { severity: runbook.spec.severity } : {}),
      owner: runbook.spec.owner,
      appliesTo: getRunbookAppliesToRefs(runbook),
      alerts: runbook.spec.alerts ?? [],
      firingAlerts: names,
      actions: (runbook.spec.actions ?? []).map(a => ({
        id: a.id,
        title: a.title,
        type: a.type,
        destructive: a.destructive === true,
      })),
      canExecute: decisions[i].result === AuthorizeResult.ALLOW,
    }),
  );
  return { items: rankRunbooks(result) };
}
