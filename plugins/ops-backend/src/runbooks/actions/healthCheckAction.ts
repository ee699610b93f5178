import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_HEALTH_URL,
  ExecutionOutput,
  healthUrlsOf,
} from '@unyo/plugin-ops-common';
import { healthTarget } from '../../lib/allowedHosts';
import { HealthProber } from '../../health/HealthProber';
import {
  ActionContext,
  ActionRunner,
  RunAction,
  requireEntityRef,
} from '@unyo/plugin-ops-node';

/**
 * `health-check` actions: probes the entity's `unyo.dev/health-url` now,
 * with the health feature's prober and its allow list
 * (`ops.health.allowedHosts`), and shows each endpoint's checks.
 */
export class HealthCheckActionRunner implements ActionRunner {
  constructor(
    private readonly catalog: CatalogService,
    private readonly allowedHosts: string[],
  ) {}

  async prepare(context: ActionContext): Promise<RunAction> {
    const entityRef = requireEntityRef(context);
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials: context.credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const urls = healthUrlsOf(entity);
    if (urls.length === 0) {
      throw new InputError(
        `${entityRef} has no ${ANNOTATION_HEALTH_URL} annotation: nothing to probe`,
      );
    }
    if (this.allowedHosts.length === 0) {
      throw new InputError(
        'No host is allowed for health checks: set ops.health.allowedHosts',
      );
    }
    const prober = new HealthProber({
      allowedHosts: this.allowedHosts,
      timeoutMs: context.timeoutMs,
    });
    return async () => {
      const health: NonNullable<ExecutionOutput['health']> = [];
      for (const url of urls) {
        const result = await prober.probe(url);
        if (!result) {
          const target = healthTarget(url, this.allowedHosts);
          health.push({
            url,
            status: 'unknown',
            latencyMs: null,
            checks: [],
            message: target.probe ? undefined : target.message,
          });
          continue;
        }
        health.push({
          url,
          status: result.status,
          latencyMs: result.latencyMs,
          checks: result.checks,
          ...(result.message ? { message: result.message } : {}),
        });
      }
      const up = health.filter(h => h.status === 'up').length;
      const others = health
        .filter(h => h.status !== 'up')
        .map(h => `${h.url}: ${h.status}`);
      return {
        status: up === health.length ? 'succeeded' : 'failed',
        output: {
          summary: `${up} of ${health.length} endpoints up${
            others.length ? ` (${others.join(', ')})` : ''
          }`,
          health,
        },
      };
    };
  }
}
