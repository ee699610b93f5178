import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { SloHistoryPoint, SloReportItem } from '@unyo/plugin-ops-common';
import { NotificationsConfig } from '../../config/notifications';
import { SloStore } from '../../database/SloStore';
import { SloService } from '../../slo/SloService';
import { OwnerNotifier } from '../OwnerNotifier';
import { entityPage, NOTIFICATION_TOPICS } from '../topics';
import { DatabaseDigestClaims } from './DatabaseDigestClaims';
import { digestPeriod, DigestKind, DigestPeriod } from './digestPeriod';
import { digestTexts } from './digestTexts';
import { digestSlo, DigestSlo, summariseDigest } from './summariseSlos';

/** The SLOs a digest tells of, and their burn-down points. */
export interface DigestSloSource {
  /** Every SLO with its status now and its owner. */
  slos(): Promise<SloReportItem[]>;
  /** The burn-down points of several SLOs (refs without any may be absent). */
  histories(
    sloRefs: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, SloHistoryPoint[]>>;
}

/** {@link DigestSloSource} over the SLO report and the stored burn-down, as the backend itself. */
export function sloDigestSource(options: {
  slos: SloService;
  store: SloStore;
  auth: AuthService;
}): DigestSloSource {
  const { slos, store, auth } = options;
  return {
    slos: async () => slos.report({}, await auth.getOwnServiceCredentials()),
    histories: (sloRefs, from, to) => store.getHistories(sloRefs, from, to),
  };
}

// The band a period starts in is that of the last point before it.
const LOOKBACK_MS = 86_400_000;
const HISTORY_BATCH = 500;

/**
 * The weekly SLO digest to each owning group and the monthly one to the
 * manager groups of `ops.notifications.digests`. Each digest is claimed in
 * the database first, so it is sent once per group and period, whichever
 * replica runs and however often.
 */
export class SloDigests {
  static async create(options: {
    config: NotificationsConfig;
    database: DatabaseService;
    source: DigestSloSource;
    notifier: OwnerNotifier;
    logger: LoggerService;
  }): Promise<SloDigests> {
    return new SloDigests({
      ...options,
      claims: await DatabaseDigestClaims.create(options),
    });
  }

  constructor(
    private readonly options: {
      config: NotificationsConfig;
      claims: DatabaseDigestClaims;
      source: DigestSloSource;
      notifier: OwnerNotifier;
      logger: LoggerService;
    },
  ) {}

  /** Runs each enabled digest on its cron with the Backstage scheduler (one replica at a time). */
  async schedule(scheduler: SchedulerService, now = () => new Date()) {
    const { weekly, monthly } = this.options.config.digests;
    for (const [kind, schedule] of [
      ['weekly', weekly],
      ['monthly', monthly],
    ] as const) {
      if (!schedule.enabled) continue;
      await scheduler.scheduleTask({
        id: `ops-slo-digest-${kind}`,
        frequency: { cron: schedule.cron },
        timeout: { minutes: 30 },
        fn: async () => {
          await this.send(kind, now());
        },
      });
    }
  }

  /** Sends the digests of the period before `now` not sent yet; how many were sent. */
  async send(kind: DigestKind, now: Date): Promise<number> {
    const { config } = this.options;
    const digests = config.digests;
    if (!digests[kind].enabled) return 0;
    const period = digestPeriod(kind, now);
    const slos = await this.digestSlos(period);
    let sent = 0;
    if (kind === 'weekly') {
      const byOwner = new Map<string, DigestSlo[]>();
      for (const slo of slos) {
        if (!slo.owner) continue;
        byOwner.set(slo.owner, [...(byOwner.get(slo.owner) ?? []), slo]);
      }
      for (const [group, owned] of byOwner) {
        const text = digestTexts.weekly(config.locale, {
          group,
          week: period.key,
          summary: summariseDigest(owned, digests.topBurners),
        });
        const link = entityPage(group, 'slo-report');
        if (await this.sendOnce(period, group, { ...text, link })) sent++;
      }
    } else {
      const text = digestTexts.monthly(config.locale, {
        month: period.key.slice(0, 7),
        summary: summariseDigest(slos, digests.topBurners),
      });
      for (const group of digests.monthly.recipients) {
        const payload = { ...text, link: '/slo-report' };
        if (await this.sendOnce(period, group, payload)) sent++;
      }
    }
    return sent;
  }

  private async digestSlos(period: DigestPeriod): Promise<DigestSlo[]> {
    const { source } = this.options;
    const from = new Date(period.start.getTime() - LOOKBACK_MS);
    const statuses = await source.slos();
    const out: DigestSlo[] = [];
    // A batch of SLOs per read: 30,000 SLOs are 60 reads, not 30,000, and
    // a batch's points (a week or a month each) are let go before the next.
    for (let k = 0; k < statuses.length; k += HISTORY_BATCH) {
      const batch = statuses.slice(k, k + HISTORY_BATCH);
      const histories = await source.histories(
        batch.map(s => s.ref),
        from,
        period.end,
      );
      for (const status of batch) {
        out.push(digestSlo(status, histories.get(status.ref) ?? [], period));
      }
    }
    return out;
  }

  private async sendOnce(
    period: DigestPeriod,
    group: string,
    text: { title: string; description: string; link: string },
  ): Promise<boolean> {
    const { claims, notifier, logger } = this.options;
    if (!(await claims.claim(period.kind, period.key, group, new Date()))) {
      return false;
    }
    try {
      await notifier.notifyEntity(group, {
        ...text,
        severity: 'low',
        topic: NOTIFICATION_TOPICS.sloDigests,
      });
      return true;
    } catch (error) {
      await claims.release(period.kind, period.key, group);
      logger.warn(
        `Could not send the ${period.kind} SLO digest to ${group}: ${
          (error as Error).message
        }`,
      );
      return false;
    }
  }
}
