import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { SloCorrection } from '@unyo/plugin-ops-common';
import { opsDashboardTranslationRef } from '../../../translation';

/**
 * Marks an attainment that excludes error-budget corrections, listing
 * each (category, span, reason) in the tooltip.
 */
export function CorrectionsMark(props: { corrections: SloCorrection[] }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const format = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const detail = props.corrections
    .map(
      c =>
        `${t(`corrections.category.${c.category}`)}: ${t('corrections.span', {
          start: format.format(new Date(c.start)),
          end: format.format(new Date(c.end)),
        })} — ${c.reason}`,
    )
    .join('\n');
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{detail}</span>}>
      <Typography
        component="span"
        variant="caption"
        color="info.main"
        data-testid="slo-report-corrections"
        aria-label={t('corrections.reportMark', {
          number: String(props.corrections.length),
        })}
        sx={{ ml: 0.5 }}
      >
        ⊘{props.corrections.length}
      </Typography>
    </Tooltip>
  );
}
