import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { RELATION_HAS_RUNBOOK } from '../../constants';
import { runbooksTranslationRef } from '../../translation';
import { SeverityChip } from '../SeverityChip';

/**
 * The runbooks that apply to the entity (its `hasRunbook` relations), with
 * severity and the alerts each answers, linking to the runbook pages.
 *
 * @public
 */
export function EntityRunbooksCard() {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const refs = getEntityRelations(entity, RELATION_HAS_RUNBOOK);
  const entityRefs = refs.map(ref => stringifyEntityRef(ref));
  const key = entityRefs.join(',');

  const { value, loading, error } = useAsync(async () => {
    if (entityRefs.length === 0) return [];
    const { items } = await catalogApi.getEntitiesByRefs({ entityRefs });
    return items;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key]);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (refs.length === 0) {
    body = (
      <Typography variant="body2">{t('entityRunbooksCard.empty')}</Typography>
    );
  } else {
    body = (
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('entityRunbooksCard.runbook')}</TableCell>
            <TableCell>{t('severity.label')}</TableCell>
            <TableCell>{t('entityRunbooksCard.alerts')}</TableCell>
            <TableCell>{t('entityRunbooksCard.steps')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {refs.map((ref, index) => {
            const runbook = value?.[index];
            const spec = runbook?.spec ?? {};
            const alerts = Array.isArray(spec.alerts)
              ? (spec.alerts as string[])
              : [];
            return (
              <TableRow key={entityRefs[index]}>
                <TableCell>
                  <EntityRefLink entityRef={runbook ?? ref} />
                  {typeof spec.titleJa === 'string' && (
                    <Typography
                      variant="caption"
                      component="div"
                      color="text.secondary"
                    >
                      {spec.titleJa}
                    </Typography>
                  )}
                  {!runbook && (
                    <Typography
                      variant="caption"
                      component="div"
                      color="text.secondary"
                    >
                      ({t('entityRunbooksCard.notInCatalog')})
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <SeverityChip
                    severity={
                      typeof spec.severity === 'string'
                        ? spec.severity
                        : undefined
                    }
                  />
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
                <TableCell>
                  {Array.isArray(spec.steps) ? spec.steps.length : '—'}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    );
  }
  return <InfoCard title={t('entityRunbooksCard.title')}>{body}</InfoCard>;
}
