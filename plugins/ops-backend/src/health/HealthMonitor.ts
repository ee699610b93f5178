import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_HEALTH_URL, healthUrlsOf } from '@unyo/plugin-ops-common';
import { createLimiter } from '../lib/limit';
import { HealthProber } from './HealthProber';
import { HealthStore } from './HealthStore';
import { ProbeResult } from './types';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { EntityProbe } from '../notifications/healthNotifications';

/** Results are kept this long: the card shows 7 days of uptime, plus a margin. */
export const RETENTION_MS = 8 * 24 * 60 * 60 * 1000;

export interface HealthRoundResult {
  urls: number;
  probed: number;
  notAllowed: number;
  down: number;
  durationMs: number;
}

/**
 * One round of the scheduled health task: every health URL of the catalog,
 * probed with bounded concurrency, the results stored, old ones pruned.
 */
export class HealthMonitor {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: HealthStore;
      prober: HealthProber;
      logger: LoggerService;
      /** Told each round's results, per entity listing the URL (notifications). */
      onRound?: (probes: EntityProbe[]) => Promise<void>;
      /** Probes in flight at once. */
      concurrency?: number;
      now?: () => Date;
    },
  ) {}

  async probeAll(): Promise<HealthRoundResult> {
    const { catalog, auth, store, prober, logger } = this.options;
    const started = Date.now();
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_HEALTH_URL}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
    // Entities may share an endpoint: probe each URL once a round.
    const urls = [...new Set(items.flatMap(e => healthUrlsOf(e)))];
    const limit = createLimiter(this.options.concurrency ?? 8);
    const results = await Promise.all(
      urls.map(url => limit(() => prober.probe(url))),
    );
    const probed = results.filter((r): r is ProbeResult => !!r);
    await store.addResults(probed);
    const now = this.options.now?.() ?? new Date();
    await store.prune(new Date(now.getTime() - RETENTION_MS));
    if (this.options.onRound) {
      const byUrl = new Map(probed.map(r => [r.url, r]));
      await this.options.onRound(
        items.flatMap(entity =>
          healthUrlsOf(entity).flatMap(url => {
            const result = byUrl.get(url);
            return result
              ? [{ entityRef: stringifyEntityRef(entity), result }]
              : [];
          }),
        ),
      );
    }
    const round = {
      urls: urls.length,
      probed: probed.length,
      notAllowed: urls.length - probed.length,
      down: probed.filter(r => r.status === 'down').length,
      durationMs: Date.now() - started,
    };
    logger.debug(
      `Health round: ${round.probed} of ${round.urls} URLs probed, ${round.down} down, in ${round.durationMs} ms`,
    );
    return round;
  }
}
