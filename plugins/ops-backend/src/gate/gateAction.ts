import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { GateService } from './types';

/**
 * `deploy-gate`: the `GET /api/ops/gate` decision as an action of
 * Backstage's actions registry (MCP clients, scaffolder templates through
 * the actions bridge), read with the caller's credentials.
 */
export function registerGateAction(
  actionsRegistry: ActionsRegistryService,
  gate: GateService,
): void {
  actionsRegistry.register({
    name: 'deploy-gate',
    title: 'Deploy gate',
    description:
      "Whether an entity may deploy now, from the error-budget policy state of the SLOs that measure it (and any active override), with the reasons. Allowed under normal, denied when frozen; feature-freeze and incident-only as the SLO's policy set configures.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The entity to deploy, e.g. component:default/checkout'),
        }),
      output: z =>
        z.object({
          allow: z.boolean(),
          reasons: z.array(z.string()),
          slos: z.array(
            z.object({
              ref: z.string(),
              policy: z.string().optional(),
              remainingRatio: z.number().optional(),
              allow: z.boolean(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      let entityRef: string;
      try {
        entityRef = stringifyEntityRef(parseEntityRef(input.entityRef));
      } catch (e) {
        throw new InputError(
          `entityRef is not an entity ref: ${(e as Error).message}`,
        );
      }
      const decision = await gate.decide(entityRef, credentials);
      return {
        output: {
          allow: decision.allow,
          reasons: decision.reasons,
          slos: decision.slos.map(s => ({
            ref: s.ref,
            policy: s.policy,
            remainingRatio: s.remainingRatio,
            allow: s.allow,
          })),
        },
      };
    },
  });
}
