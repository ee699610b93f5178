import {
  checkedOutput,
  entityRefInput,
  entityRefOf,
  READ_ONLY,
} from './schemas';
import { OpsActionsRegistration, Zod } from './types';

function healthStatusSchema(z: Zod) {
  return z
    .object({
      url: z.string().describe('The probed endpoint (unyo.dev/health-url)'),
      status: z.enum(['up', 'degraded', 'down', 'unknown']),
      latencyMs: z.number().nullable(),
      checks: z
        .array(
          z
            .object({
              name: z.string(),
              status: z.string(),
              detail: z.string().optional(),
            })
            .passthrough(),
        )
        .describe('Dependencies the health body reports, e.g. database, cache'),
      checkedAt: z
        .string()
        .nullable()
        .describe('Last probe, ISO time; null: never'),
      since: z
        .string()
        .nullable()
        .describe('Since when the status is what it is'),
      uptime: z
        .object({ '24h': z.number().nullable(), '7d': z.number().nullable() })
        .describe('Share of probes that found it serving, 0-1'),
      message: z
        .string()
        .optional()
        .describe('Error, timeout, or why it is not probed'),
      certificate: z
        .object({
          state: z.enum(['ok', 'warning', 'critical']),
          daysLeft: z.number(),
        })
        .passthrough()
        .optional()
        .describe(
          'For tls:// and smtp+starttls:// URLs: the certificate presented',
        ),
    })
    .passthrough();
}

/** `list-health`: the endpoints of an entity, as its health card shows them. */
export const registerHealthActions: OpsActionsRegistration = (
  registry,
  { health },
) => {
  registry.register({
    name: 'list-health',
    title: 'List endpoint health',
    description:
      'Lists the health endpoints of a catalog entity with their status (up, degraded, down, unknown), ' +
      'dependency checks, uptime over 24 hours and 7 days and TLS certificate expiry, as GET /api/ops/health shows them.',
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z, 'the entity whose endpoints to read'),
        }),
      output: z =>
        z.object({
          items: z
            .array(healthStatusSchema(z))
            .describe('One per URL; empty when the entity declares none'),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = entityRefOf(input.entityRef, 'entityRef');
      const items = await health.listForEntity(entityRef, credentials);
      // The 24-hour strip is for the page: an assistant needs the uptime figures.
      return {
        output: {
          items: checkedOutput(items.map(({ history: _, ...rest }) => rest)),
        },
      };
    },
  });
};
