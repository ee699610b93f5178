import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { SloStatus } from '@unyo/plugin-ops-common';
import { useJourneyStatuses } from '../../../hooks/useSloStatuses';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { worstJourney } from '../../../lib/journeys';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloBudgetGauge } from '../SloBudgetGauge';
import { SloPolicyBadge } from '../SloPolicyBadge';

function JourneyRow(props: { journey: SloStatus }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const f = useSloStatusFormatters();
  const { journey } = props;
  const budget = journey.errorBudget?.remainingRatio;
  return (
    <TableRow>
      <TableCell>
        <EntityRefLink entityRef={journey.ref} defaultKind="compositeslo">
          {journey.title}
        </EntityRefLink>
        {journey.state !== 'ok' && (
          <Typography
            variant="caption"
            color={journey.state === 'error' ? 'error' : 'text.secondary'}
            display="block"
          >
            {journey.state === 'error'
              ? journey.message
              : t('journeysCard.noData')}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {journey.sli
          ? `${f.formatSli(
              journey.sli.ratio,
              journey.target,
            )} / ${f.formatTarget(journey.target)}`
          : `— / ${f.formatTarget(journey.target)}`}
      </TableCell>
      <TableCell>
        {budget !== undefined ? f.formatRatio(budget) : '—'}
      </TableCell>
      <TableCell>
        {journey.policy ? (
          <SloPolicyBadge
            policy={journey.policy}
            policySet={journey.policySet}
          />
        ) : (
          '—'
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * The journeys (CompositeSLOs) of a System or service: each one's SLI
 * against its target, budget left and policy, and the system-level budget,
 * the budget of the worst journey.
 *
 * @public
 */
export function EntityJourneysCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  const journeys = useJourneyStatuses(stringifyEntityRef(entity));

  let content;
  if (journeys.loading && !journeys.value) {
    content = <Progress />;
  } else if (journeys.error) {
    content = <ResponseErrorPanel error={journeys.error} />;
  } else if (!journeys.value?.length) {
    content = (
      <Typography variant="body2">{t('journeysCard.empty')}</Typography>
    );
  } else {
    const items = journeys.value;
    const worst = worstJourney(items);
    content = (
      <>
        {worst && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
            <SloBudgetGauge
              remainingRatio={worst.errorBudget!.remainingRatio}
              policy={worst.policy}
            />
            <Box>
              <Typography variant="subtitle2" component="h3">
                {t('journeysCard.systemBudget')}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {t('journeysCard.systemBudgetHow', {
                  journey: worst.title ?? worst.ref,
                })}
              </Typography>
            </Box>
          </Box>
        )}
        <Table size="small" aria-label={t('journeysCard.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('journeysCard.journey')}</TableCell>
              <TableCell>{t('sloStatus.sliVsTarget')}</TableCell>
              <TableCell>{t('journeysCard.budgetLeft')}</TableCell>
              <TableCell>{t('journeysCard.policy')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(journey => (
              <JourneyRow key={journey.ref} journey={journey} />
            ))}
          </TableBody>
        </Table>
      </>
    );
  }
  return (
    <InfoCard
      title={t('journeysCard.title')}
      subheader={t('journeysCard.subheader')}
    >
      {content}
    </InfoCard>
  );
}
