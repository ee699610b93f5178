import {
  checkedOutput,
  entityRefInput,
  entityRefOf,
  READ_ONLY,
} from './schemas';
import { OpsActionsRegistration, Zod } from './types';

function backupStatusSchema(z: Zod) {
  return z
    .object({
      policyRef: z
        .string()
        .describe(
          'The BackupPolicy, e.g. backuppolicy:default/mairust-db-backups',
        ),
      target: z
        .string()
        .describe(
          'The target in the policy; restore-test is the restore drill',
        ),
      status: z
        .enum(['ok', 'late', 'breached', 'failing', 'unknown'])
        .describe(
          'ok: within schedule; late: a run is overdue but the RPO holds; breached: newest good copy older than the RPO; failing: the latest run failed; unknown: never read',
        ),
      lastSuccessAt: z
        .string()
        .nullable()
        .describe('Newest good copy, ISO time'),
      ageSeconds: z.number().nullable(),
      rpoSeconds: z.number(),
      message: z.string().optional(),
      sourceError: z.string().optional(),
      protects: z.array(z.string()).describe('Entities the policy protects'),
    })
    .passthrough();
}

/** `list-backup-status`: what protects an entity, as its backups card shows it. */
export const registerBackupActions: OpsActionsRegistration = (
  registry,
  { backups },
) => {
  registry.register({
    name: 'list-backup-status',
    title: 'List backup status',
    description:
      'Lists the backup targets protecting a catalog entity (a database, bucket, service or system) or of a BackupPolicy, ' +
      'with their age against the RPO, the last restore drill and source errors, as GET /api/ops/backups shows them.',
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(
            z,
            'the protected entity (or the backuppolicy:... itself)',
          ),
        }),
      output: z =>
        z.object({
          items: z.array(backupStatusSchema(z)),
          notConfigured: z
            .array(z.string())
            .optional()
            .describe('Config keys not set, e.g. ops.backups.sources'),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = entityRefOf(input.entityRef, 'entityRef');
      return {
        output: checkedOutput(
          await backups.listForEntity(entityRef, credentials),
        ),
      };
    },
  });
};
