import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { RelatedEntity } from '../../hooks/useRelatedEntities';
import { useOpsFormatters } from '../../hooks/useOpsFormatters';
import {
  formatPercent,
  readSloObjectives,
  readSloTimeWindow,
} from '../../lib/slo';
import { opsDashboardTranslationRef } from '../../translation';

/** SLOs with what the catalog declares: targets, window and error budget. */
export function SloTable(props: { items: RelatedEntity[] }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatWindow, formatBudget } = useOpsFormatters();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('sloTable.slo')}</TableCell>
          <TableCell>{t('sloTable.targets')}</TableCell>
          <TableCell>{t('sloTable.window')}</TableCell>
          <TableCell>{t('sloTable.allowed')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(({ ref, refString, entity }) => {
          if (!entity) {
            return (
              <TableRow key={refString}>
                <TableCell colSpan={4}>
                  <EntityRefLink entityRef={ref} />{' '}
                  <Typography
                    component="span"
                    variant="caption"
                    color="text.secondary"
                  >
                    ({t('sloTable.notInCatalog')})
                  </Typography>
                </TableCell>
              </TableRow>
            );
          }
          const objectives = readSloObjectives(entity.spec);
          const window = readSloTimeWindow(entity.spec);
          const method = entity.spec?.budgetingMethod as string | undefined;
          const title =
            (entity.metadata.displayName as string | undefined) ??
            entity.metadata.title;
          return (
            <TableRow key={refString}>
              <TableCell>
                <EntityRefLink entityRef={entity} />
                {title && title !== entity.metadata.name && (
                  <Typography
                    variant="caption"
                    component="div"
                    color="text.secondary"
                  >
                    {title}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {objectives.map((objective, index) => (
                  <div key={index}>
                    {objective.target !== undefined
                      ? formatPercent(objective.target)
                      : '—'}
                    {objectives.length > 1 && objective.displayName
                      ? ` (${objective.displayName})`
                      : ''}
                  </div>
                ))}
              </TableCell>
              <TableCell>{formatWindow(window)}</TableCell>
              <TableCell>
                {objectives.map((objective, index) => (
                  <div key={index}>
                    {formatBudget(objective, window, method, { short: true }) ??
                      '—'}
                  </div>
                ))}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
