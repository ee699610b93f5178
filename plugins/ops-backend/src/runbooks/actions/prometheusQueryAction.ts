import { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError, NotFoundError } from '@backstage/errors';
import { PrometheusClient, PrometheusClients } from '../../prometheus';
import { loadRequiredMatchers } from '../../alerts/entitySelector';
import { describeExpectation, meetsExpectation } from '../expectation';
import { interpolateQuery, queryUsesEntity } from '../templates';
import {
  ActionContext,
  ActionRunner,
  RunAction,
  requireEntityRef,
} from '@unyo/plugin-ops-node';

/**
 * `prometheus-query` actions: a diagnostic check. The query (with the
 * entity's selector labels escaped into it) runs as an instant query; the
 * check passes when every sample meets `expect`, and fails without data.
 */
export class PrometheusQueryActionRunner implements ActionRunner {
  constructor(
    private readonly prometheus: PrometheusClients,
    private readonly catalog: CatalogService,
  ) {}

  async prepare(context: ActionContext): Promise<RunAction> {
    const { action, parameters } = context;
    const expect = action.expect;
    if (!action.query || !expect) {
      throw new InputError(
        `Action ${action.id} of ${context.runbookRef} has no query or expect`,
      );
    }
    let client: PrometheusClient;
    try {
      client = this.prometheus.get(action.server);
    } catch (error) {
      if (error instanceof NotFoundError) throw new InputError(error.message);
      throw error;
    }
    let selector;
    if (queryUsesEntity(action.query)) {
      const entityRef = requireEntityRef(context);
      selector = await loadRequiredMatchers(
        this.catalog,
        entityRef,
        context.credentials,
      );
    }
    const query = interpolateQuery(action.query, parameters, selector);
    const expectation = describeExpectation(expect);
    return async signal => {
      const samples = await client.instantQuery(query, { signal });
      if (samples.length === 0) {
        const summary = `No data: the query returned no series (expected ${expectation})`;
        return {
          status: 'failed',
          output: { summary, query, value: null, expectation, passed: false },
        };
      }
      const failing = samples.find(s => !meetsExpectation(s.value, expect));
      const value = (failing ?? samples[0]).value;
      const passed = failing === undefined;
      const shown = Number.isFinite(value) ? value : null;
      return {
        status: passed ? 'succeeded' : 'failed',
        output: {
          summary: `${String(value)} (expected ${expectation}): ${
            passed ? 'passed' : 'failed'
          }${samples.length > 1 ? ` over ${samples.length} series` : ''}`,
          query,
          value: shown,
          expectation,
          passed,
        },
      };
    };
  }
}
