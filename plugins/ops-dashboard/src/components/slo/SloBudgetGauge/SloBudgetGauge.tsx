import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { SloPolicy } from '@unyo/plugin-ops-common';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { policyTone } from '../../../lib/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';

/** @public */
export interface SloBudgetGaugeProps {
  /** The remaining error budget, 0–1; negative once exhausted. */
  remainingRatio: number;
  policy?: SloPolicy;
  /** Diameter in pixels. */
  size?: number;
}

/**
 * The error budget left as a ring. The ring is filled to the remaining share
 * (full and red once the budget is exhausted); the number beside it is the
 * exact, unclamped figure, e.g. `−15.7 %`.
 *
 * @public
 */
export function SloBudgetGauge(props: SloBudgetGaugeProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatRatio } = useSloStatusFormatters();
  const { remainingRatio, size = 56 } = props;
  const exhausted = remainingRatio <= 0;
  const tone = exhausted ? 'error' : policyTone(props.policy);
  const fill = exhausted ? 100 : Math.min(100, remainingRatio * 100);
  const text = formatRatio(remainingRatio);
  return (
    <Box
      role="img"
      aria-label={t('sloStatus.budgetLeftLabel', { value: text })}
      sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}
    >
      <Box
        aria-hidden
        sx={{ position: 'relative', width: size, height: size, flexShrink: 0 }}
      >
        <CircularProgress
          variant="determinate"
          value={100}
          size={size}
          thickness={5}
          sx={{ color: 'action.hover', position: 'absolute', left: 0 }}
        />
        <CircularProgress
          variant="determinate"
          value={fill}
          size={size}
          thickness={5}
          color={tone}
          sx={{ position: 'absolute', left: 0 }}
        />
      </Box>
      <Box aria-hidden>
        <Typography
          variant="h6"
          component="div"
          color={exhausted ? 'error.main' : undefined}
          sx={{ lineHeight: 1.2, whiteSpace: 'nowrap' }}
        >
          {text}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {t('sloStatus.budgetLeft')}
        </Typography>
      </Box>
    </Box>
  );
}
