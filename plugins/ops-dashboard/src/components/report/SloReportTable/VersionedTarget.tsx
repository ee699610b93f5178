import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { SloReportItem } from '@unyo/plugin-ops-common';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { opsDashboardTranslationRef } from '../../../translation';

/**
 * The target of a month in which the SLO changed version: the last
 * version's target, marked, with each version's days, target and
 * attainment in the tooltip (the month is judged day by day).
 */
export function VersionedTarget(props: { item: SloReportItem }) {
  const { item } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatSli, formatTarget } = useSloStatusFormatters();
  const detail = (item.versions ?? [])
    .map(v =>
      t('report.versions.detail', {
        version: String(v.version),
        firstDay: v.firstDay,
        lastDay: v.lastDay,
        target: formatTarget(v.target),
        attainment:
          v.attainment === null ? '—' : formatSli(v.attainment, v.target),
      }),
    )
    .join('\n');
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{detail}</span>}>
      <span data-testid="slo-report-versioned-target">
        {formatTarget(item.target)}
        <Typography
          component="span"
          variant="caption"
          color="warning.main"
          aria-label={t('report.versions.mark')}
          sx={{ ml: 0.5 }}
        >
          ✱
        </Typography>
      </span>
    </Tooltip>
  );
}
