import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip, { ChipProps } from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { RelatedEntity } from '../../hooks/useRelatedEntities';
import { opsDashboardTranslationRef } from '../../translation';

const SEVERITY_COLORS: Record<string, ChipProps['color']> = {
  critical: 'error',
  p1: 'error',
  high: 'warning',
  p2: 'warning',
  medium: 'info',
  p3: 'info',
};

/** Runbooks with severity, alerts and number of steps from the catalog. */
export function RunbookTable(props: { items: RelatedEntity[] }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('opsContent.runbook')}</TableCell>
          <TableCell>{t('opsContent.severity')}</TableCell>
          <TableCell>{t('opsContent.alerts')}</TableCell>
          <TableCell>{t('opsContent.steps')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(({ ref, refString, entity }) => {
          const spec = entity?.spec ?? {};
          const severity =
            typeof spec.severity === 'string' ? spec.severity : undefined;
          const alerts = Array.isArray(spec.alerts)
            ? (spec.alerts as string[])
            : [];
          const steps = Array.isArray(spec.steps)
            ? spec.steps.length
            : undefined;
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
              </TableCell>
              <TableCell>
                {severity ? (
                  <Chip
                    size="small"
                    label={severity}
                    color={SEVERITY_COLORS[severity.toLowerCase()] ?? 'default'}
                  />
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>
                {alerts.map(alert => (
                  <Chip
                    key={alert}
                    size="small"
                    variant="outlined"
                    label={alert}
                    sx={{ mr: 0.5, mb: 0.5 }}
                  />
                ))}
              </TableCell>
              <TableCell>{steps ?? '—'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
