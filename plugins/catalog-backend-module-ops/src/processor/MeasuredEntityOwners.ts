import type { AuthService } from '@backstage/backend-plugin-api';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** How long an answer is reused; a changed owner reaches its SLOs this much later at most, plus a processing loop. */
const TTL_MS = 60_000;
/** Lookups asked for within this window go to the catalog as one request. */
const BATCH_MS = 25;

type Owners = string[] | undefined;

/**
 * The owners of the entities SLOs measure, read from the catalog itself.
 *
 * Backstage discourages processors from calling the catalog (the processing
 * loop is fast and many small requests starve it), so lookups are few: only
 * SLOs ask, answers are kept for a minute, and lookups made together go as
 * one `getEntitiesByRefs` request for the relations alone.
 */
export class MeasuredEntityOwners {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #now: () => number;
  readonly #answers = new Map<string, { at: number; owners: string[] }>();
  #batch?: Map<string, Array<(result: PromiseSettledResult<Owners>) => void>>;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    now?: () => number;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The `ownedBy` targets of an entity; `undefined` when it is not (yet) in
   * the catalog. Rejects when the catalog cannot be asked.
   */
  async ownersOf(entityRef: string): Promise<Owners> {
    const answer = this.#answers.get(entityRef);
    if (answer && this.#now() - answer.at < TTL_MS) {
      return answer.owners;
    }
    return new Promise<Owners>((resolve, reject) => {
      if (!this.#batch) {
        this.#batch = new Map();
        setTimeout(() => this.#flush(), BATCH_MS);
      }
      const waiting = this.#batch.get(entityRef) ?? [];
      waiting.push(r =>
        r.status === 'fulfilled' ? resolve(r.value) : reject(r.reason),
      );
      this.#batch.set(entityRef, waiting);
    });
  }

  async #flush() {
    const batch = this.#batch!;
    this.#batch = undefined;
    const entityRefs = [...batch.keys()];
    let results: PromiseSettledResult<Owners>[];
    try {
      const { items } = await this.#catalog.getEntitiesByRefs(
        { entityRefs, fields: ['relations'] },
        { credentials: await this.#auth.getOwnServiceCredentials() },
      );
      const at = this.#now();
      results = items.map((entity, i) => {
        const owners = entity
          ? (entity.relations ?? [])
              .filter(r => r.type === RELATION_OWNED_BY)
              .map(r => r.targetRef)
          : undefined;
        // Only found entities are kept: a missing one is asked for again at
        // the SLO's next processing, so it gets its owner soon after arriving.
        if (owners) this.#answers.set(entityRefs[i], { at, owners });
        return { status: 'fulfilled', value: owners };
      });
    } catch (reason) {
      results = entityRefs.map(() => ({ status: 'rejected', reason }));
    }
    entityRefs.forEach((ref, i) => {
      for (const settle of batch.get(ref)!) settle(results[i]);
    });
  }
}
