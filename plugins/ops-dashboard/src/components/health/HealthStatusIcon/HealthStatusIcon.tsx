import { useTranslationRef } from '@backstage/frontend-plugin-api';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpIcon from '@mui/icons-material/Help';
import WarningIcon from '@mui/icons-material/Warning';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { HealthState } from '@unyo/plugin-ops-common';
import { opsDashboardTranslationRef } from '../../../translation';

const ICONS = {
  up: { Icon: CheckCircleIcon, color: 'success.main' },
  degraded: { Icon: WarningIcon, color: 'warning.main' },
  down: { Icon: ErrorIcon, color: 'error.main' },
  unknown: { Icon: HelpIcon, color: 'text.disabled' },
} as const;

/** The colour of a health state in the theme, for icons and the strip. */
export function healthColor(state: HealthState): string {
  return (ICONS[state] ?? ICONS.unknown).color;
}

/** The translated word of a health state. */
export function useHealthStateLabel() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (state: HealthState): string => {
    switch (state) {
      case 'up':
        return t('health.state.up');
      case 'degraded':
        return t('health.state.degraded');
      case 'down':
        return t('health.state.down');
      default:
        return t('health.state.unknown');
    }
  };
}

/**
 * A health state as an icon and a word: the word carries the meaning, so
 * it does not rest on colour alone.
 */
export function HealthStatusIcon(props: {
  state: HealthState;
  /** Only the icon, with the word as its accessible name. */
  iconOnly?: boolean;
}) {
  const label = useHealthStateLabel()(props.state);
  const { Icon, color } = ICONS[props.state] ?? ICONS.unknown;
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
      data-health-state={props.state}
    >
      <Icon
        fontSize="small"
        sx={{ color }}
        titleAccess={props.iconOnly ? label : undefined}
        aria-hidden={props.iconOnly ? undefined : true}
      />
      {!props.iconOnly && (
        <Typography component="span" variant="body2" sx={{ fontWeight: 500 }}>
          {label}
        </Typography>
      )}
    </Box>
  );
}
