import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { OpsTable } from '@unyo/plugin-ops-react';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { opsDashboardTranslationRef } from '../../../translation';
import { assumedFields } from './assumedFields';

function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A notice on the entity page listing the fields its annotation
 * `unyo.dev/assumptions` marks as assumed, not stated by the source document
 * (docs/catalog-model.md). Renders nothing without the annotation.
 *
 * @public
 */
export function EntityAssumptionsCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  const fields = assumedFields(entity);
  if (fields.length === 0) return null;
  return (
    <Alert severity="info" data-testid="ops-assumptions">
      <AlertTitle>{t('assumptions.title')}</AlertTitle>
      {t('assumptions.intro')}
      <OpsTable aria-label={t('assumptions.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('assumptions.field')}</TableCell>
            <TableCell>{t('assumptions.value')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fields.map(f => (
            <TableRow key={f.path} data-testid={`assumed-${f.path}`}>
              <TableCell>
                <code>{f.path}</code>
              </TableCell>
              <TableCell data-break="anywhere">
                {show(f.value) ?? t('assumptions.missing')}{' '}
                <em>({t('assumptions.marker')})</em>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </OpsTable>
    </Alert>
  );
}
