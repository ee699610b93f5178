import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { RelatedEntity } from '../../hooks/useRelatedEntities';
import { opsDashboardTranslationRef } from '../../translation';

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
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('opsContent.policy')}</TableCell>
          <TableCell>{t('opsContent.rpo')}</TableCell>
          <TableCell>{t('opsContent.rto')}</TableCell>
          <TableCell>{t('opsContent.targets')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(({ ref, refString, entity }) => {
          const spec = entity?.spec ?? {};
          const targets = Array.isArray(spec.targets)
            ? (spec.targets as BackupTarget[])
            : [];
          const restoreEvery = (
            spec.restoreTest as { every?: string } | undefined
          )?.every;
          return (
            <TableRow key={refString}>
              <TableCell>
                <EntityRefLink entityRef={entity ?? ref} />
                {typeof spec.titleJa === 'string' && (
                  <Typography
                    variant="caption"
                    component="div"
                    color="text.secondary"
                  >
                    {spec.titleJa}
                  </Typography>
                )}
                {restoreEvery && (
                  <Typography
                    variant="caption"
                    component="div"
                    color="text.secondary"
                  >
                    {t('opsContent.restoreTest', { every: restoreEvery })}
                  </Typography>
                )}
              </TableCell>
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
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
