import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import TableCell from '@mui/material/TableCell';
import Typography from '@mui/material/Typography';
import { RelatedEntity } from '../../../hooks/useRelatedEntities';
import { useOpsFormatters } from '../../../hooks/useOpsFormatters';
import {
  formatPercent,
  readSloObjectives,
  readSloTimeWindow,
} from '../../../lib/slo';
import { opsDashboardTranslationRef } from '../../../translation';
import {
  EntityLinkCell,
  RelatedEntityTable,
} from '../../common/RelatedEntityTable';

/** SLOs with what the catalog declares: targets, window and error budget. */
export function SloTable(props: { items: RelatedEntity[] }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatWindow, formatBudget } = useOpsFormatters();
  return (
    <RelatedEntityTable
      items={props.items}
      columns={[
        t('sloTable.slo'),
        t('sloTable.targets'),
        t('sloTable.window'),
        t('sloTable.allowed'),
      ]}
      renderCells={({ ref, entity }) => {
        if (!entity) {
          return (
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
          );
        }
        const objectives = readSloObjectives(entity.spec);
        const window = readSloTimeWindow(entity.spec);
        const method = entity.spec?.budgetingMethod as string | undefined;
        const title =
          (entity.metadata.displayName as string | undefined) ??
          entity.metadata.title;
        return (
          <>
            <EntityLinkCell
              entityRef={entity}
              captions={[
                title && title !== entity.metadata.name ? title : undefined,
              ]}
            />
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
          </>
        );
      }}
    />
  );
}
