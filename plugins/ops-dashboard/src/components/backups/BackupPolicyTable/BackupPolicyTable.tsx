import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import { RelatedEntity } from '../../../hooks/useRelatedEntities';
import { opsDashboardTranslationRef } from '../../../translation';
import {
  EntityLinkCell,
  RelatedEntityTable,
} from '../../common/RelatedEntityTable';

type BackupTarget = {
  name?: string;
  type?: string;
  source?: { type?: string };
  schedule?: { every?: string; cron?: string };
};

function text(value: unknown): string {
  return typeof value === 'string' && value ? value : '—';
}

/** BackupPolicies with RPO, RTO and targets as the catalog declares them. */
export function BackupPolicyTable(props: { items: RelatedEntity[] }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <RelatedEntityTable
      items={props.items}
      columns={[
        t('opsContent.policy'),
        t('opsContent.rpo'),
        t('opsContent.rto'),
        t('opsContent.targets'),
      ]}
      renderCells={({ ref, entity }) => {
        const spec = entity?.spec ?? {};
        const targets = Array.isArray(spec.targets)
          ? (spec.targets as BackupTarget[])
          : [];
        const restoreEvery = (
          spec.restoreTest as { every?: string } | undefined
        )?.every;
        return (
          <>
            <EntityLinkCell
              entityRef={entity ?? ref}
              captions={[
                typeof spec.titleJa === 'string' ? spec.titleJa : undefined,
                restoreEvery
                  ? t('opsContent.restoreTest', { every: restoreEvery })
                  : undefined,
              ]}
            />
            <TableCell>{text(spec.rpo)}</TableCell>
            <TableCell>{text(spec.rto)}</TableCell>
            <TableCell>
              {targets.map((target, index) => (
                <Chip
                  key={target.name ?? index}
                  size="small"
                  variant="outlined"
                  sx={{ mr: 0.5, mb: 0.5 }}
                  label={[
                    target.name,
                    target.type,
                    target.source?.type,
                    target.schedule?.every ?? target.schedule?.cron,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              ))}
            </TableCell>
          </>
        );
      }}
    />
  );
}
