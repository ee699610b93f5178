import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  opsSloPreviewPermission,
  parseSloDraft,
  resolveWindow,
  SloStatus,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';
import { SloPreviewRateLimit } from '../../config/rateLimit';
import { actorOf } from '../../runbooks/executionErrors';
import { describeSlo } from '../describeSlo';
import {
  loadDataSources,
  loadMaintenanceRules,
} from '../evaluation/catalogSlos';
import { planSlo } from '../evaluation/planSlo';
import { presentStatus } from '../presentStatus';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { SloPolicyLookup } from '../policies';
import { dailyHistory } from '../rollups/dailyHistory';
import { DraftDailyRows } from './DraftDailyRows';
import { PreviewRateLimiter } from './previewRateLimit';

export interface SloPreviewOptions {
  evaluator: Pick<SloEvaluator, 'evaluatePlans'>;
  catalog: CatalogService;
  permissions: PermissionsService;
  /** Each SLO's error-budget policy, as in a round. */
  policies: SloPolicyLookup;
  /** `ops.slo.expressionResolution` in seconds. */
  resolutionSeconds?: number;
  /** `ops.slo.preview.rateLimit`; undefined when turned off. */
  rateLimit?: SloPreviewRateLimit;
  now?: () => Date;
}

/**
 * `POST /slos/preview`: a draft SLO document evaluated now as a round would
 * evaluate it (same planning, measuring, status and policy), with the
 * burn-down of its window from daily points backfilled from Prometheus.
 * Nothing is stored: the draft's days live in memory for the request.
 */
export class SloPreviewService {
  private readonly limiter: PreviewRateLimiter;

  constructor(private readonly options: SloPreviewOptions) {
    this.limiter = new PreviewRateLimiter(options.rateLimit);
  }

  async preview(
    document: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatusWithHistory> {
    const { catalog, permissions, policies } = this.options;
    const [decision] = await permissions.authorize(
      [{ permission: opsSloPreviewPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to preview SLOs (permission ops.slo.preview)',
      );
    }
    const draft = parseSloDraft(document);
    if (!draft.valid) {
      throw new InputError(
        `The draft is not a valid SLO: ${draft.errors
          .map(e => e.message)
          .join('; ')}`,
      );
    }
    const slo = draft.slo;
    const plan = planSlo(slo, new Map(), {
      dataSources: await loadDataSources(catalog, credentials),
      resolutionSeconds: this.options.resolutionSeconds,
    });
    if (plan.kind === 'unsupported') {
      throw new InputError(`The draft cannot be evaluated: ${plan.message}`);
    }
    // Counted once the draft is sound: only what queries Prometheus counts.
    const now = this.options.now?.() ?? new Date();
    this.limiter.take(actorOf(credentials), now);
    const daily = new DraftDailyRows();
    const lookups = {
      policyOf: await policies.forSlos([slo], credentials),
      maintenance: await loadMaintenanceRules(catalog, [plan], credentials),
    };
    const statuses: SloStatus[] = [];
    await this.options.evaluator.evaluatePlans(
      [plan],
      {
        now,
        lookups: async () => lookups,
        daily,
      },
      async s => {
        statuses.push(...s);
      },
    );
    const description = describeSlo(slo);
    // Presented as `GET /slos/{namespace}/{name}` presents a stored status.
    const status = presentStatus({
      description,
      stored: { status: statuses[0] },
      notEvaluatedMessage: '',
      now,
    });
    const history = dailyHistory({
      description,
      timeWindow: plan.timeWindow,
      rows: daily.rows,
      from: resolveWindow(plan.timeWindow, now).start,
      to: now,
    });
    // The last point is the status itself, as a round's live point.
    if (status.state !== 'error') {
      history.push({
        t: status.evaluatedAt,
        remainingRatio: status.errorBudget?.remainingRatio ?? null,
        sliRatio: status.sli?.ratio ?? null,
      });
    }
    return { ...status, history };
  }
}
