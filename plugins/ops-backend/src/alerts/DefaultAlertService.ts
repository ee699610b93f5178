import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ALERT_SELECTOR,
  DEFAULT_ALERT_LEVEL_SET,
  DEFAULT_ALERT_LEVEL_SET_NAME,
  AlertHistorySummary,
  AlertSourceError,
  AlertsResponse,
  RELATION_HAS_RUNBOOK,
  formatMatcher,
  matchesSelector,
  opsSilenceCreatePermission,
  runbookRefFromUrl,
  summarizeAlertHistory,
  toRunbookCandidate,
} from '@unyo/plugin-ops-common';
import { PrometheusClients, PrometheusRuleGroup } from '../prometheus';
import { AlertLevelsConfig } from '../config/alertLevels';
import { AlertHistoryStore } from './AlertHistoryStore';
import { levelSetFor } from './levelSetFor';
import { AlertmanagerAlert, AlertmanagerClient } from './AlertmanagerClient';
import { AlertService } from './AlertService';
import { loadEntitySelector } from './entitySelector';
import { selectAlerts } from './selectAlerts';
import { LastGood } from '../lib/LastGood';
import { TtlCache } from '../lib/TtlCache';

export interface DefaultAlertServiceOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  alertmanagers: AlertmanagerClient[];
  prometheus: PrometheusClients;
  history: AlertHistoryStore;
  /** Shared with the silence service, which clears it after a change. */
  alertCache: TtlCache<AlertmanagerAlert[]>;
  /** `ops.alerts`: level sets and the default one. */
  levels?: AlertLevelsConfig;
  /** Default 15 s: rules are evaluated every 15–60 s anyway. */
  rulesTtlMs?: number;
  now?: () => Date;
}

const HISTORY_DAYS = 30;

/** Whether the caller may create and expire silences of the entity's alerts. */
export async function maySilence(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entityRef: string,
): Promise<boolean> {
  const [decision] = await permissions.authorize(
    [{ permission: opsSilenceCreatePermission, resourceRef: entityRef }],
    { credentials },
  );
  return decision.result === AuthorizeResult.ALLOW;
}

/** Reads alerts live from Alertmanager and Prometheus, with short caches. */
export class DefaultAlertService implements AlertService {
  private readonly rulesCache: TtlCache<PrometheusRuleGroup[]>;

  // While a server is down, its last answer is shown with its age.
  private readonly lastAlerts = new LastGood<AlertmanagerAlert[]>();
  private readonly lastRules = new LastGood<PrometheusRuleGroup[]>();

  constructor(private readonly options: DefaultAlertServiceOptions) {
    this.rulesCache = new TtlCache(options.rulesTtlMs ?? 15_000);
  }

  async listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<AlertsResponse> {
    const { catalog, permissions, alertmanagers, prometheus } = this.options;
    const [selector, canSilence] = await Promise.all([
      loadEntitySelector(catalog, entityRef, credentials),
      maySilence(permissions, credentials, entityRef),
    ]);
    const notConfigured = [
      ...(alertmanagers.length ? [] : ['ops.alertmanager.servers']),
      ...(prometheus.names().length ? [] : ['ops.prometheus.servers']),
    ];
    const base = {
      items: [],
      rules: [],
      selector: selector.text,
      sourceErrors: [],
      notConfigured,
      canSilence,
    };
    if (!('matchers' in selector)) {
      return {
        ...base,
        error: selector.error
          ? { name: selector.error.name, message: selector.error.message }
          : {
              name: 'MissingAlertSelector',
              message: `${entityRef} has no ${ANNOTATION_ALERT_SELECTOR} annotation: add label matchers such as service="my-service" to see its alerts`,
            },
      };
    }

    const sourceErrors: AlertSourceError[] = [];
    // Alertmanager filters on its side, so a busy one sends only our alerts.
    const filter = selector.matchers.map(formatMatcher);
    const [amResults, promResults] = await Promise.all([
      Promise.all(
        alertmanagers.map(async am => {
          const key = `${am.name}\n${filter.join('\n')}`;
          const answers = await this.fromSource(
            { source: 'alertmanager', server: am.name, key, sourceErrors },
            this.lastAlerts,
            () => this.options.alertCache.get(key, () => am.getAlerts(filter)),
          );
          return answers.map(alerts => ({ server: am.name, alerts }));
        }),
      ),
      Promise.all(
        prometheus.names().map(async name => {
          const answers = await this.fromSource(
            { source: 'prometheus', server: name, key: name, sourceErrors },
            this.lastRules,
            () => this.rulesCache.get(name, () => prometheus.get(name).rules()),
          );
          return answers.map(groups => ({ server: name, groups }));
        }),
      ),
    ]);
    const levels = await levelSetFor({
      entity: selector.entity,
      catalog,
      levels: this.options.levels ?? {
        levelSets: { [DEFAULT_ALERT_LEVEL_SET_NAME]: DEFAULT_ALERT_LEVEL_SET },
        defaultLevelSet: DEFAULT_ALERT_LEVEL_SET_NAME,
      },
      credentials,
    });
    const input = {
      entityRef,
      selector: selector.matchers,
      alertmanager: amResults.flat(),
      prometheus: promResults.flat(),
      levelSet: 'levelSet' in levels ? levels.levelSet : undefined,
    };
    const runbooks = await this.runbooksFor(
      selector.entity,
      selectAlerts({ ...input, runbooks: [], knownRunbooks: new Set() }),
      credentials,
    );
    const selected = selectAlerts({
      ...input,
      runbooks: runbooks.map(toRunbookCandidate),
      knownRunbooks: new Set(runbooks.map(r => toRunbookCandidate(r).ref)),
    });
    return {
      ...base,
      ...selected,
      sourceErrors,
      levelSet: levels.name,
      ...('error' in levels && { levelSetError: levels.error }),
    };
  }

  /** One server's answer; when it fails, the error and its last answer, if any. */
  private async fromSource<T>(
    where: {
      source: AlertSourceError['source'];
      server: string;
      key: string;
      sourceErrors: AlertSourceError[];
    },
    last: LastGood<T>,
    load: () => Promise<T>,
  ): Promise<T[]> {
    const now = () => this.options.now?.() ?? new Date();
    const answer = await last.read(where.key, load, now);
    if ('value' in answer) return [answer.value];
    const previous = answer.last;
    where.sourceErrors.push({
      source: where.source,
      server: where.server,
      message: answer.error.message,
      ...(previous && {
        lastSuccessAt: previous.at.toISOString(),
        staleSeconds: Math.max(
          0,
          Math.round((now().getTime() - previous.at.getTime()) / 1000),
        ),
      }),
    });
    return previous ? [previous.value] : [];
  }

  async historyForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<AlertHistorySummary & { selector?: string }> {
    const selector = await loadEntitySelector(
      this.options.catalog,
      entityRef,
      credentials,
    );
    const now = this.options.now?.() ?? new Date();
    const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
    const events =
      'matchers' in selector
        ? (await this.options.history.listSince(since)).filter(e =>
            matchesSelector(selector.matchers, e.labels),
          )
        : [];
    return {
      ...summarizeAlertHistory(events, {
        now,
        windowDays: HISTORY_DAYS,
        targetMinutes: this.options.levels?.mttrTargetMinutes,
      }),
      selector: selector.text,
    };
  }

  /**
   * The Runbooks that apply to the entity, and those the alerts' runbook_url
   * annotations point at, as the caller may see them.
   */
  private async runbooksFor(
    entity: Entity,
    draft: ReturnType<typeof selectAlerts>,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const refs = new Set<string>();
    for (const r of entity.relations ?? []) {
      if (r.type === RELATION_HAS_RUNBOOK) refs.add(r.targetRef);
    }
    for (const a of [...draft.items, ...draft.rules]) {
      const ref = runbookRefFromUrl(a.annotations.runbook_url);
      if (ref) refs.add(ref);
    }
    if (refs.size === 0) return [];
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: [...refs] },
      { credentials },
    );
    return items.filter((e): e is Entity => !!e);
  }
}
