import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestDatabases } from '@internal/ops-test-utils';
import {
  DEFAULT_SLO_POLICY_THRESHOLDS,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';
import { parseAllDocuments } from 'yaml';
import {
  describeWithPrometheus,
  prometheusForSuite,
  TestSeries,
} from '../../__testUtils__/prometheus';
import { testSloEvaluation } from '../../__testUtils__/sloEvaluation';
import { fixedSloPolicy } from '../policies';
import { SloPreviewService } from './SloPreviewService';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const STEP = 2 * MINUTE;
/** Away from UTC midnight, where a live point would share a daily point's slot. */
const NOW = (() => {
  const t = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
  return t % DAY < 20 * MINUTE ? t - 30 * MINUTE : t;
})();
/** A calendar month and the month before it, for the burn-down. */
const START = NOW - 65 * DAY;

/** A counter growing at `perSecond(t)`, sampled every STEP. */
function counter(
  name: string,
  labels: Record<string, string>,
  perSecond: (t: number) => number,
): TestSeries {
  const samples: Array<[number, number]> = [];
  for (let t = START, value = 0; t <= NOW; t += STEP) {
    samples.push([t, value]);
    value += (perSecond(t) * STEP) / 1000;
  }
  return { name, labels, samples };
}

// The series the two mairust example SLOs select: errors grow near the end,
// so that burn rates, budget and burn-down all differ from day to day.
const series: TestSeries[] = [
  counter('http_requests_total', { service: 'mairust-api', code: '200' }, t =>
    t < NOW - 3 * DAY ? 9.995 : 9.98,
  ),
  counter('http_requests_total', { service: 'mairust-api', code: '503' }, t =>
    t < NOW - 3 * DAY ? 0.005 : 0.02,
  ),
  counter('mairust_smtp_messages_total', { service: 'mairust-smtp' }, () => 2),
  counter('mairust_smtp_errors_total', { service: 'mairust-smtp' }, t =>
    t < NOW - 10 * DAY ? 0.001 : 0.004,
  ),
];

/** The example documents, as a developer would paste them. */
const examples = parseAllDocuments(
  readFileSync(
    path.resolve(__dirname, '../../../../../examples/mairust/slos.yaml'),
    'utf8',
  ),
);
function example(name: string): { text: string; entity: Entity } {
  const doc = (examples as any[]).find(
    d => (d.toJS() as Entity).metadata.name === name,
  );
  return { text: doc.toString(), entity: doc.toJS() as Entity };
}
const API = example('mairust-api-availability');
const SMTP = example('mairust-smtp-availability');

const databases = createTestDatabases();

describeWithPrometheus('SLO preview against a real Prometheus', () => {
  jest.setTimeout(180_000);
  const prometheus = prometheusForSuite({ series });

  describe.each(databases.eachSupportedId())('on %s', id => {
    async function setup(permissions = mockServices.permissions()) {
      const knex = await databases.init(id);
      const {
        catalog,
        evaluator,
        service: slos,
      } = await testSloEvaluation({
        knex,
        entities: [API.entity, SMTP.entity],
        prometheusUrl: prometheus.url,
        evaluatedAt: NOW,
        readAt: NOW,
      });
      const preview = new SloPreviewService({
        evaluator,
        catalog,
        permissions,
        policies: fixedSloPolicy(DEFAULT_SLO_POLICY_THRESHOLDS),
        rateLimit: { maxPreviews: 2, window: { minutes: 1 }, windowMs: MINUTE },
        now: () => new Date(NOW),
      });
      return { knex, evaluator, slos, preview };
    }
    const alice = mockCredentials.user('user:default/alice');
    const bob = mockCredentials.user('user:default/bob');

    /** Equal within float tolerance; null (no traffic yet) only to null. */
    const near = (a: number | null, b: number | null) =>
      a === null || b === null ? a === b : Math.abs(a - b) < 1e-12;
    /** Only midnights: the round's live point falls in its own slot. */
    const dailyPoints = (s: SloStatusWithHistory) =>
      s.history.filter(p => p.t.endsWith('T00:00:00.000Z'));

    it('previews an example SLO with the figures and burn-down of its evaluation, storing nothing', async () => {
      const { knex, evaluator, slos, preview } = await setup();
      const round = await evaluator.evaluateAll();
      expect(round.errors).toBe(0);
      const stored = await knex('ops_slo_daily').count({ n: '*' });

      for (const [draft, ref] of [
        [API, 'slo:default/mairust-api-availability'],
        [SMTP, 'slo:default/mairust-smtp-availability'],
      ] as const) {
        const evaluated = await slos.get(ref, alice);
        const previewed = await preview.preview(
          draft.text,
          draft === API ? alice : bob,
        );
        expect(previewed.ref).toBe(ref);
        expect(previewed.state).toBe(evaluated.state);
        expect(previewed.state).not.toBe('error');
        expect(previewed.policy).toBe(evaluated.policy);
        expect(previewed.sli!.ratio).toBeCloseTo(evaluated.sli!.ratio!, 12);
        expect(previewed.errorBudget!.remainingRatio).toBeCloseTo(
          evaluated.errorBudget!.remainingRatio,
          12,
        );
        expect(previewed.errorBudget!.consumedRatio).toBeCloseTo(
          evaluated.errorBudget!.consumedRatio,
          12,
        );
        expect(Object.keys(previewed.burnRates!).sort()).toEqual(
          Object.keys(evaluated.burnRates!).sort(),
        );
        for (const [window, rate] of Object.entries(evaluated.burnRates!)) {
          expect(previewed.burnRates![window as '1h']).toBeCloseTo(rate!, 12);
        }
        // The errors since 3 (10) days ago burn faster than the budget allows.
        expect(previewed.burnRates!['1h']!).toBeGreaterThan(1);
        expect(previewed.evaluation).toEqual(evaluated.evaluation);

        const days = dailyPoints(previewed);
        // A point per midnight: 30 of a rolling 30 days, those of this month.
        expect(days.length).toBeGreaterThanOrEqual(
          draft === SMTP ? 30 : new Date(NOW).getUTCDate() - 1,
        );
        expect(days).toHaveLength(dailyPoints(evaluated).length);
        days.forEach((point, i) => {
          const other = dailyPoints(evaluated)[i];
          expect(point.t).toBe(other.t);
          expect(near(point.remainingRatio, other.remainingRatio)).toBe(true);
          expect(near(point.sliRatio, other.sliRatio)).toBe(true);
        });
        expect(previewed.history.at(-1)!.remainingRatio).toBeCloseTo(
          previewed.errorBudget!.remainingRatio,
          12,
        );
      }
      // Nothing of the previews reached the database.
      expect(await knex('ops_slo_daily').count({ n: '*' })).toEqual(stored);
    });

    it('refuses a hostile or unusable draft with a 400 naming the field', async () => {
      const { preview } = await setup();
      const refusal = (text: string) =>
        preview.preview(text, alice).then(
          () => undefined,
          e => `${e.name}: ${e.message}`,
        );
      const broken = API.text.replace('target: 0.999', 'target: 1.5');
      expect(await refusal(broken)).toMatch(
        /^InputError: The draft is not a valid SLO: .*spec\.objectives\[0\]\.target/,
      );
      expect(await refusal('kind: [unclosed')).toMatch(
        /^InputError: .*document is not valid YAML or JSON/,
      );
    });

    it('limits previews per user and asks the permission ops.slo.preview', async () => {
      const { preview } = await setup();
      await preview.preview(SMTP.text, alice);
      await preview.preview(SMTP.text, alice);
      await expect(preview.preview(SMTP.text, alice)).rejects.toMatchObject({
        name: 'TooManyRequestsError',
        statusCode: 429,
        message: expect.stringContaining('ops.slo.preview.rateLimit'),
      });
      // Another user has a limit of his own.
      await expect(preview.preview(SMTP.text, bob)).resolves.toMatchObject({
        state: 'ok',
      });

      const denied = await setup(
        mockServices.permissions.mock({
          authorize: async () => [{ result: AuthorizeResult.DENY }],
        }),
      );
      await expect(
        denied.preview.preview(SMTP.text, alice),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('ops.slo.preview'),
      });
    });
  });
});
