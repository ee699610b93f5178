import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * `ops:gate`: asks the ops backend's deploy gate (`GET /api/ops/gate`,
 * docs/deploy-gate.md) whether an entity may deploy now, and fails the step
 * when it may not, so a template stops before its deploy steps.
 *
 * @public
 */
export function createOpsGateAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
}) {
  const { discovery, auth } = options;
  return createTemplateAction({
    id: 'ops:gate',
    description:
      'Asks the Unyo deploy gate whether an entity may deploy now, from the error-budget policy state of its SLOs; fails the step when denied (unless failOnDeny is false).',
    examples: [
      {
        description: 'Stop the template when checkout may not deploy',
        example: [
          'steps:',
          '  - id: gate',
          '    name: Deploy gate',
          '    action: ops:gate',
          '    input:',
          '      entityRef: component:default/checkout',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe('The entity to deploy, e.g. component:default/checkout'),
        failOnDeny: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Fail the step when the gate denies (default true); false only reports it in the outputs',
            ),
      },
      output: {
        allow: z => z.boolean().describe('Whether the entity may deploy now'),
        reasons: z =>
          z.array(z.string()).describe('Why, one sentence per reason'),
        slos: z =>
          z
            .array(
              z.object({
                ref: z.string(),
                title: z.string().optional(),
                state: z.string(),
                policy: z.string().optional(),
                remainingRatio: z.number().optional(),
                allow: z.boolean(),
              }),
            )
            .describe(
              'How each SLO of the entity weighs in the decision (GateSloVerdict of the ops API)',
            ),
      },
    },
    async handler(ctx) {
      const { entityRef } = ctx.input;
      const failOnDeny = ctx.input.failOnDeny ?? true;
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'ops',
      });
      const baseUrl = await discovery.getBaseUrl('ops');
      const response = await fetch(
        `${baseUrl}/gate?entityRef=${encodeURIComponent(entityRef)}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (!response.ok) {
        const error = await ResponseError.fromResponse(response);
        // ResponseError's own message has only the status: add the backend's.
        throw new Error(
          `Deploy gate for ${entityRef}: ${error.message}: ${error.cause.message}`,
          { cause: error },
        );
      }
      const decision = (await response.json()) as {
        allow: boolean;
        reasons: string[];
        slos: Array<{
          ref: string;
          title?: string;
          state: string;
          policy?: string;
          remainingRatio?: number;
          allow: boolean;
        }>;
      };
      const verdict = decision.allow ? 'allows' : 'denies';
      ctx.logger.info(`Deploy gate ${verdict} ${entityRef}`);
      for (const reason of decision.reasons) ctx.logger.info(`  ${reason}`);
      ctx.output('allow', decision.allow);
      ctx.output('reasons', decision.reasons);
      ctx.output('slos', decision.slos);
      if (!decision.allow && failOnDeny) {
        throw new Error(
          `Deploy gate denies ${entityRef}: ${decision.reasons.join('; ')}`,
        );
      }
    },
  });
}
