import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_SLO_POLICY_THRESHOLDS } from '@unyo/plugin-ops-common';
import { Knex } from 'knex';
import { DatabaseSloStore } from '../database/DatabaseSloStore';
import { DefaultSloService } from '../slo/DefaultSloService';
import { SloEvaluator } from '../slo/evaluation/SloEvaluator';
import { DatabaseMonthlyRollups } from '../slo/rollups/MonthlyRollups';
import { testPrometheusClients } from './prometheus';

export interface TestSloEvaluationOptions {
  /** A database from `TestDatabases`, already initialised. */
  knex: Knex;
  /** The catalog's entities: SLOs, the components they measure, journeys. */
  entities: Entity[];
  /** The Prometheus queried as the `default` server. */
  prometheusUrl: string;
  /** Query timeout; default 10 s. */
  timeoutSeconds?: number;
  /** The instant rounds are evaluated at (ms), so figures are exact. */
  evaluatedAt: number;
  /** The instant the service reads statuses at (ms). */
  readAt: number;
}

/**
 * The evaluator and the service reading its results, on the default policy
 * thresholds, over one database and one catalog: what the plugin wires up,
 * without the scheduler.
 */
export async function testSloEvaluation(options: TestSloEvaluationOptions) {
  const database = mockServices.database({ knex: options.knex });
  const store = await DatabaseSloStore.create({ database });
  const catalog = catalogServiceMock({ entities: options.entities });
  const evaluator = new SloEvaluator({
    catalog,
    auth: mockServices.auth(),
    store,
    prometheus: testPrometheusClients(
      options.prometheusUrl,
      options.timeoutSeconds ?? 10,
    ),
    logger: mockServices.logger.mock(),
    thresholds: DEFAULT_SLO_POLICY_THRESHOLDS,
    now: () => new Date(options.evaluatedAt),
  });
  const service = new DefaultSloService({
    catalog,
    store,
    rollups: await DatabaseMonthlyRollups.create({ database }),
    notEvaluatedMessage: () => 'not evaluated',
    now: () => new Date(options.readAt),
  });
  return { store, catalog, evaluator, service };
}
