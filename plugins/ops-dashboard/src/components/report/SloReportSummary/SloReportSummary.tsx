import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SloReportSummary as Summary } from '@unyo/plugin-ops-common';
import { ReactNode } from 'react';
import { useOpsFormatters } from '../../../hooks/useOpsFormatters';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { policyTone } from '../../../lib/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';

/** @public */
export interface SloReportSummaryProps {
  summary: Summary;
}

function Figure(props: { label: string; children: ReactNode; testId: string }) {
  return (
    <Card variant="outlined" sx={{ minWidth: 200, flex: 1 }}>
      <CardContent>
        <Typography variant="overline" color="text.secondary">
          {props.label}
        </Typography>
        <Typography variant="h6" component="div" data-testid={props.testId}>
          {props.children}
        </Typography>
      </CardContent>
    </Card>
  );
}

/**
 * The report's headline figures: SLOs per policy band, services meeting all
 * their SLOs, MTTR and backup coverage ("not available" until a source
 * provides it).
 *
 * @public
 */
export function SloReportSummary(props: SloReportSummaryProps) {
  const { summary } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatPolicy } = useSloStatusFormatters();
  const { formatMinutes } = useOpsFormatters();
  const notAvailable = t('report.summary.notAvailable');
  const bands = [
    'normal',
    'feature-freeze',
    'incident-only',
    'frozen',
  ] as const;
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1">
        {t('report.summary.title', { month: summary.month })}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
        <Figure label={t('report.summary.policyBands')} testId="summary-policy">
          <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
            {bands.map(band => (
              <Chip
                key={band}
                size="small"
                color={policyTone(band)}
                variant={band === 'normal' ? 'outlined' : 'filled'}
                label={`${summary.byPolicy[band]} · ${formatPolicy(band)}`}
              />
            ))}
            <Chip
              size="small"
              variant="outlined"
              label={`${summary.byPolicy.none} · ${t('report.policy.none')}`}
            />
          </Stack>
        </Figure>
        <Figure label={t('report.summary.services')} testId="summary-services">
          {t('report.summary.servicesValue', {
            meeting: String(summary.services.meetingAll),
            total: String(summary.services.total),
          })}
        </Figure>
        <Figure
          label={t('report.summary.mttr', {
            days: String(summary.mttr?.windowDays ?? 30),
          })}
          testId="summary-mttr"
        >
          {!summary.mttr && notAvailable}
          {summary.mttr &&
            (summary.mttr.minutes === null
              ? t('report.summary.mttrNone')
              : formatMinutes(summary.mttr.minutes))}
        </Figure>
        <Figure
          label={t('report.summary.backupCoverage')}
          testId="summary-backups"
        >
          {summary.backupCoverage
            ? t('report.summary.backupCoverageValue', {
                covered: String(summary.backupCoverage.covered),
                total: String(summary.backupCoverage.total),
              })
            : notAvailable}
        </Figure>
      </Stack>
    </Stack>
  );
}
