import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  MarkdownContent,
  Progress,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { OpsTable } from '@unyo/plugin-ops-react';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { KIND_SLI, RELATION_MEASURES } from '../../../constants';
import { useOpsFormatters } from '../../../hooks/useOpsFormatters';
import {
  describeIndicator,
  formatPercent,
  readIndicatorRef,
  readInlineIndicatorSpec,
  readSloObjectives,
  readSloTimeWindow,
} from '../../../lib/slo';
import { opsDashboardTranslationRef } from '../../../translation';
import {
  DefinitionList,
  DefinitionListItem,
} from '../../common/DefinitionList';
import { OpsStatusNotice } from '../../common/OpsStatusNotice';

function safeParseRef(
  ref: unknown,
  defaultKind: string,
  defaultNamespace: string,
): CompoundEntityRef | undefined {
  if (typeof ref !== 'string' || !ref) return undefined;
  try {
    return parseEntityRef(ref, { defaultKind, defaultNamespace });
  } catch {
    return undefined;
  }
}

/** The measured entity (for its owner) and the SLI the SLO references. */
function useSloContext(entity: Entity) {
  const catalogApi = useApi(catalogApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const measured =
    getEntityRelations(entity, RELATION_MEASURES)[0] ??
    safeParseRef(entity.spec?.service, 'component', namespace);
  const indicatorRef = readIndicatorRef(entity.spec);
  const sliRef = safeParseRef(indicatorRef, KIND_SLI, namespace);
  const measuredKey = measured && stringifyEntityRef(measured);
  const sliKey = sliRef && stringifyEntityRef(sliRef);

  const state = useAsync(async () => {
    const refs = [measuredKey, sliKey].filter((r): r is string => !!r);
    if (refs.length === 0) return { measuredEntity: undefined, sli: undefined };
    const { items } = await catalogApi.getEntitiesByRefs({ entityRefs: refs });
    const find = (ref?: string) => (ref ? items[refs.indexOf(ref)] : undefined);
    return { measuredEntity: find(measuredKey), sli: find(sliKey) };
  }, [catalogApi, measuredKey, sliKey]);

  return { measured, sliRef, ...state };
}

/**
 * What an SLO entity declares: what it measures and who owns that, its
 * objectives with the error budget each implies, time window, budgeting
 * method and indicator. The live figures are on `EntitySloStatusCard`;
 * this card says when Prometheus is not configured.
 *
 * @public
 */
export function EntitySloSummaryCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  const { formatWindow, formatBudget, formatTimeSlice } = useOpsFormatters();
  const { measured, sliRef, value, loading } = useSloContext(entity);

  const spec = entity.spec ?? {};
  const objectives = readSloObjectives(spec);
  const window = readSloTimeWindow(spec);
  const budgetingMethod =
    typeof spec.budgetingMethod === 'string' ? spec.budgetingMethod : undefined;

  const inlineSli = readInlineIndicatorSpec(spec);
  const sliSpec = inlineSli ?? value?.sli?.spec;
  const indicator = sliSpec ? describeIndicator(sliSpec) : undefined;

  const indicatorText = () => {
    if (!indicator) {
      if (loading) return <Progress />;
      return sliRef
        ? t('indicator.sliNotFound', { ref: stringifyEntityRef(sliRef) })
        : t('indicator.unknown');
    }
    const kind =
      indicator.kind === 'ratio'
        ? t(
            indicator.ratioOf === 'bad'
              ? 'indicator.ratioBad'
              : 'indicator.ratio',
          )
        : t(
            indicator.kind === 'threshold'
              ? 'indicator.threshold'
              : 'indicator.unknown',
          );
    const details = [
      indicator.counter ? t('indicator.counter') : undefined,
      indicator.sourceTypes.length
        ? t('indicator.source', { types: indicator.sourceTypes.join(', ') })
        : t('indicator.noSource'),
    ].filter(Boolean);
    return (
      <>
        {kind} ({details.join(', ')}){' · '}
        {inlineSli || !sliRef ? (
          t('indicator.inline')
        ) : (
          <EntityRefLink entityRef={value?.sli ?? sliRef} />
        )}
      </>
    );
  };

  const owners = value?.measuredEntity
    ? getEntityRelations(value.measuredEntity, RELATION_OWNED_BY)
    : [];

  const ownerValue = () => {
    if (owners.length) {
      return <EntityRefLinks entityRefs={owners} defaultKind="group" />;
    }
    return loading ? <Progress /> : t('sloSummaryCard.ownerUnknown');
  };

  const items: DefinitionListItem[] = [
    {
      label: t('sloSummaryCard.service'),
      value: measured ? <EntityRefLink entityRef={measured} /> : '—',
    },
    {
      label: t('sloSummaryCard.owner'),
      value: ownerValue(),
    },
  ];
  if (typeof spec.description === 'string' && spec.description) {
    items.push({
      label: t('sloSummaryCard.description'),
      value: <MarkdownContent content={spec.description} />,
    });
  }
  items.push(
    { label: t('sloSummaryCard.timeWindow'), value: formatWindow(window) },
    {
      label: t('sloSummaryCard.budgetingMethod'),
      value:
        budgetingMethod === 'Occurrences' ||
        budgetingMethod === 'Timeslices' ||
        budgetingMethod === 'RatioTimeslices'
          ? t(`budgeting.${budgetingMethod}`)
          : budgetingMethod ?? t('budgeting.unknown'),
    },
    { label: t('sloSummaryCard.indicator'), value: indicatorText() },
  );

  return (
    <InfoCard
      title={t('sloSummaryCard.title')}
      subheader={
        (entity.metadata.title as string | undefined) ??
        (entity.metadata.displayName as string | undefined) ??
        entity.metadata.name
      }
    >
      <DefinitionList items={items} />
      <Typography variant="subtitle2" sx={{ mt: 3, mb: 1 }}>
        {t('sloSummaryCard.objectives')}
      </Typography>
      {objectives.length === 0 ? (
        <Typography variant="body2">
          {t('sloSummaryCard.noObjectives')}
        </Typography>
      ) : (
        <OpsTable>
          <TableHead>
            <TableRow>
              <TableCell>{t('sloSummaryCard.objective')}</TableCell>
              <TableCell>{t('sloSummaryCard.target')}</TableCell>
              <TableCell>{t('sloSummaryCard.errorBudget')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {objectives.map((objective, index) => (
              <TableRow key={index}>
                <TableCell>
                  {objective.displayName ?? `#${index + 1}`}
                  {formatTimeSlice(objective) && (
                    <Typography
                      variant="caption"
                      component="div"
                      color="text.secondary"
                    >
                      {formatTimeSlice(objective)}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {objective.target !== undefined
                    ? formatPercent(objective.target)
                    : '—'}
                </TableCell>
                <TableCell>
                  {formatBudget(objective, window, budgetingMethod) ?? '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </OpsTable>
      )}
      <OpsStatusNotice capability="slo" />
    </InfoCard>
  );
}
