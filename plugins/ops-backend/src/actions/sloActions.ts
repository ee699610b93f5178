import {
  checkedOutput,
  entityRefInput,
  entityRefOf,
  READ_ONLY,
} from './schemas';
import { OpsActionsRegistration, Zod } from './types';

/** One SLO status as `GET /api/ops/slos` answers it; fields beyond these pass through. */
function sloStatusSchema(z: Zod) {
  return z
    .object({
      ref: z
        .string()
        .describe('The SLO, e.g. slo:default/mairust-availability'),
      entityRef: z.string().describe('The entity the SLO measures'),
      title: z.string().optional(),
      target: z.number().describe('Objective, 0-1 (0.999 = 99.9 %)'),
      state: z
        .string()
        .describe(
          'ok: evaluated; no-data: no traffic in the window; error: not evaluated now (see message)',
        ),
      message: z.string().optional().describe('Why the state is what it is'),
      sli: z
        .object({ ratio: z.number().nullable().optional() })
        .passthrough()
        .optional()
        .describe('Measured good/total ratio over the window'),
      errorBudget: z
        .object({
          remainingRatio: z
            .number()
            .describe(
              'Share of the error budget left, 0-1 (negative: overspent)',
            ),
        })
        .passthrough()
        .optional(),
      policy: z
        .string()
        .optional()
        .describe(
          'Error-budget policy band now in force, e.g. normal, feature-freeze, incident-only, frozen',
        ),
      burnRates: z
        .record(z.number().nullable())
        .optional()
        .describe(
          'Burn rate per window (5m, 30m, 1h, 2h, 6h, 1d, 3d); 1 spends the budget exactly over the window; null: no traffic',
        ),
      timeToExhaustionSeconds: z
        .number()
        .nullable()
        .optional()
        .describe(
          'At the current burn, seconds until the budget is gone; null: not burning',
        ),
      evaluatedAt: z.string().describe('ISO time of the values shown'),
      groups: z
        .array(
          z
            .object({ labels: z.record(z.string()) })
            .passthrough()
            .describe('One group: the same figures as the SLO, for its labels'),
        )
        .optional()
        .describe(
          'SLOs grouped by unyo.dev/group-by: one status per label value, worst first (least budget left)',
        ),
    })
    .passthrough();
}

/** `get-slo-status`: the SLOs of an entity, as its SLO card shows them. */
export const registerSloActions: OpsActionsRegistration = (
  registry,
  { slos },
) => {
  registry.register({
    name: 'get-slo-status',
    title: 'Get SLO status',
    description:
      'Lists the SLOs that measure a catalog entity (a service, API or system) with their error budget, ' +
      'policy band and burn rates, exactly as the entity page and GET /api/ops/slos show them. ' +
      'Use it to answer "is this service within its SLO" or "may we deploy".',
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z, 'the entity whose SLOs to read'),
        }),
      output: z =>
        z.object({
          items: z
            .array(sloStatusSchema(z))
            .describe(
              'One status per SLO; empty when none measures the entity',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = entityRefOf(input.entityRef, 'entityRef');
      const items = await slos.listForEntity(entityRef, credentials);
      return { output: { items: checkedOutput(items) } };
    },
  });
};
