import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@mui/material/Chip';
import { SeverityChip } from '@unyo/plugin-ops-react';
import TableCell from '@mui/material/TableCell';
import { RelatedEntity } from '../../../hooks/useRelatedEntities';
import { opsDashboardTranslationRef } from '../../../translation';
import {
  EntityLinkCell,
  RelatedEntityTable,
} from '../../common/RelatedEntityTable';

/** Runbooks with severity, alerts and number of steps from the catalog. */
export function RunbookTable(props: { items: RelatedEntity[] }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <RelatedEntityTable
      items={props.items}
      columns={[
        t('opsContent.runbook'),
        t('opsContent.severity'),
        t('opsContent.alerts'),
        t('opsContent.steps'),
      ]}
      renderCells={({ ref, entity }) => {
        const spec = entity?.spec ?? {};
        const severity =
          typeof spec.severity === 'string' ? spec.severity : undefined;
        const alerts = Array.isArray(spec.alerts)
          ? (spec.alerts as string[])
          : [];
        const steps = Array.isArray(spec.steps) ? spec.steps.length : undefined;
        return (
          <>
            <EntityLinkCell
              entityRef={entity ?? ref}
              captions={[
                typeof spec.titleJa === 'string' ? spec.titleJa : undefined,
              ]}
            />
            <TableCell>
              {severity ? <SeverityChip severity={severity} /> : '—'}
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
          </>
        );
      }}
    />
  );
}
