import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HealthStatus, healthUrlsOf } from '@unyo/plugin-ops-common';
import { healthTarget } from '../lib/allowedHosts';
import { HealthStore } from './HealthStore';
import { HealthService } from './HealthService';
import { bucketSamples, HOUR_MS, STRIP_HOURS, uptimeRatio } from './history';

const NEVER_PROBED = {
  latencyMs: null,
  checks: [],
  checkedAt: null,
  since: null,
  uptime: { '24h': null, '7d': null },
};

export class DefaultHealthService implements HealthService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      store: HealthStore;
      allowedHosts: string[];
      /** Said of an allowed URL without results yet. */
      notProbedYetMessage: string;
      now?: () => Date;
    },
  ) {}

  async listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<HealthStatus[]> {
    const { catalog, store, allowedHosts } = this.options;
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const urls = healthUrlsOf(entity);
    const targets = urls.map(url => ({
      url,
      target: healthTarget(url, allowedHosts),
    }));
    const allowed = targets.filter(t => t.target.probe).map(t => t.url);
    if (allowed.length === 0) {
      return targets.map(({ url, target }) => ({
        url,
        status: 'unknown',
        ...NEVER_PROBED,
        probed: false,
        message: target.probe ? undefined : target.message,
      }));
    }
    const now = this.options.now?.() ?? new Date();
    const [latest, samples, uptime24h, uptime7d] = await Promise.all([
      store.getLatest(allowed),
      store.getSamples(
        allowed,
        new Date(now.getTime() - STRIP_HOURS * HOUR_MS),
      ),
      store.getUptime(allowed, new Date(now.getTime() - 24 * HOUR_MS)),
      store.getUptime(allowed, new Date(now.getTime() - 7 * 24 * HOUR_MS)),
    ]);
    return Promise.all(
      targets.map(async ({ url, target }): Promise<HealthStatus> => {
        if (!target.probe) {
          return {
            url,
            status: 'unknown',
            ...NEVER_PROBED,
            probed: false,
            message: target.message,
          };
        }
        const history = bucketSamples(
          samples.filter(s => s.url === url),
          now,
        );
        const last = latest.get(url);
        if (!last) {
          return {
            url,
            status: 'unknown',
            ...NEVER_PROBED,
            probed: true,
            message: this.options.notProbedYetMessage,
            history,
          };
        }
        const since = await store.getSince(url, last.status);
        return {
          url,
          status: last.status,
          latencyMs: last.latencyMs,
          checks: last.checks,
          checkedAt: last.checkedAt.toISOString(),
          since: (since ?? last.checkedAt).toISOString(),
          uptime: {
            '24h': uptimeRatio(uptime24h.get(url)),
            '7d': uptimeRatio(uptime7d.get(url)),
          },
          probed: true,
          ...(last.message ? { message: last.message } : {}),
          ...(last.certificate ? { certificate: last.certificate } : {}),
          history,
        };
      }),
    );
  }
}
