import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CreateSilenceRequest,
  Silence,
  silenceOutsideSelector,
  silenceWithinSelector,
} from '@unyo/plugin-ops-common';
import {
  AlertmanagerAlert,
  AlertmanagerClient,
  AlertmanagerRequestError,
  AlertmanagerSilence,
} from './AlertmanagerClient';
import { SilenceService } from './AlertService';
import { maySilence } from './DefaultAlertService';
import { loadRequiredMatchers } from './entitySelector';
import { TtlCache } from '../lib/TtlCache';

export interface DefaultSilenceServiceOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  alertmanagers: AlertmanagerClient[];
  /** Cleared after a change so the next read shows what is suppressed. */
  alertCache: TtlCache<AlertmanagerAlert[]>;
  now?: () => Date;
}

function userRef(credentials: BackstageCredentials): string {
  const principal = credentials.principal as { userEntityRef?: string };
  if (!principal.userEntityRef) {
    throw new NotAllowedError('Only users can create or expire silences');
  }
  return principal.userEntityRef;
}

/** Alertmanager's refusal is the caller's mistake (400); its outage is a 503. */
function translate(error: unknown): Error {
  if (error instanceof AlertmanagerRequestError) {
    return new InputError(error.message);
  }
  return new ServiceUnavailableError((error as Error).message);
}

/**
 * Silences scoped to an entity's alert selector. The servers of
 * `ops.alertmanager.servers` are independent Alertmanagers (one entry per HA
 * cluster; a cluster gossips silences itself), so a silence is created on
 * each of them: the alert is held back wherever it is routed.
 */
export class DefaultSilenceService implements SilenceService {
  constructor(private readonly options: DefaultSilenceServiceOptions) {}

  async create(
    request: CreateSilenceRequest,
    credentials: BackstageCredentials,
  ) {
    const createdBy = userRef(credentials);
    await this.authorize(credentials, request.entityRef);
    const matchers = await this.scope(request.entityRef, credentials);
    const reason = silenceOutsideSelector(matchers, request.matchers);
    if (reason) {
      throw new InputError(`matchers: ${reason}`);
    }
    const servers = this.servers();
    const startsAt = this.options.now?.() ?? new Date();
    const endsAt = new Date(
      startsAt.getTime() + request.durationMinutes * 60_000,
    );
    const results = await Promise.allSettled(
      servers.map(am =>
        am.createSilence({
          matchers: request.matchers,
          startsAt,
          endsAt,
          createdBy,
          comment: request.comment,
        }),
      ),
    );
    this.options.alertCache.clear();
    const silences = results.flatMap((r, i) =>
      r.status === 'fulfilled'
        ? [{ server: servers[i].name, silenceId: r.value }]
        : [],
    );
    const failed = results.find(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    if (silences.length === 0 && failed) {
      throw translate(failed.reason);
    }
    return { silenceId: silences[0].silenceId, silences };
  }

  async listForEntity(entityRef: string, credentials: BackstageCredentials) {
    const matchers = await this.scope(entityRef, credentials);
    // Reading is not an error without Alertmanager: every component page asks,
    // and the alerts card already says which key to set (as GET /alerts does).
    if (this.options.alertmanagers.length === 0) {
      return { items: [], notConfigured: ['ops.alertmanager.servers'] };
    }
    const all = await this.silences();
    const items: Silence[] = all
      .filter(
        ({ silence }) =>
          silence.status.state !== 'expired' &&
          silenceWithinSelector(matchers, silence.matchers),
      )
      .map(({ server, silence }) => ({
        id: silence.id,
        server,
        matchers: silence.matchers,
        startsAt: silence.startsAt,
        endsAt: silence.endsAt,
        createdBy: silence.createdBy,
        comment: silence.comment,
        state: silence.status.state,
      }));
    return { items };
  }

  async expire(
    id: string,
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    userRef(credentials);
    await this.authorize(credentials, entityRef);
    const matchers = await this.scope(entityRef, credentials);
    const found = (await this.silences()).filter(
      ({ silence }) => silence.id === id && silence.status.state !== 'expired',
    );
    if (found.length === 0) {
      throw new NotFoundError(`No active silence ${id}`);
    }
    for (const { silence } of found) {
      const reason = silenceOutsideSelector(matchers, silence.matchers);
      if (reason) {
        throw new InputError(
          `Silence ${id} is not within the alert selector of ${entityRef}: ${reason}`,
        );
      }
    }
    try {
      for (const { server } of found) {
        await this.servers()
          .find(am => am.name === server)!
          .expireSilence(id);
      }
    } catch (error) {
      throw translate(error);
    } finally {
      this.options.alertCache.clear();
    }
  }

  private async authorize(
    credentials: BackstageCredentials,
    entityRef: string,
  ) {
    if (!(await maySilence(this.options.permissions, credentials, entityRef))) {
      throw new NotAllowedError(
        'You are not allowed to manage silences (permission ops.silence.create)',
      );
    }
  }

  private async scope(entityRef: string, credentials: BackstageCredentials) {
    return loadRequiredMatchers(this.options.catalog, entityRef, credentials);
  }

  private servers(): AlertmanagerClient[] {
    if (this.options.alertmanagers.length === 0) {
      throw new ServiceUnavailableError(
        'No Alertmanager is configured: set ops.alertmanager.servers',
      );
    }
    return this.options.alertmanagers;
  }

  private async silences(): Promise<
    Array<{ server: string; silence: AlertmanagerSilence }>
  > {
    try {
      const lists = await Promise.all(
        this.servers().map(async am =>
          (
            await am.getSilences()
          ).map(silence => ({ server: am.name, silence })),
        ),
      );
      return lists.flat();
    } catch (error) {
      throw translate(error);
    }
  }
}
