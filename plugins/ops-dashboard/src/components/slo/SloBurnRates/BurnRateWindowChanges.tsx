import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import {
  BURN_RATE_WINDOW_SECONDS,
  BurnRateWindow,
  ChangeMarker,
  changesBetween,
} from '@unyo/plugin-ops-common';
import { opsDashboardTranslationRef } from '../../../translation';

/**
 * A marker beside one burn rate: how many changes fall in that window up to
 * the evaluation, so a burn that starts with a deploy reads as such.
 */
export function BurnRateWindowChanges(props: {
  window: BurnRateWindow;
  changes: ChangeMarker[];
  /** The instant the burn rates were evaluated at, in ms. */
  at: number;
}) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const seconds = BURN_RATE_WINDOW_SECONDS[props.window];
  const inWindow = changesBetween(
    props.changes,
    props.at - seconds * 1000,
    props.at,
  );
  if (inWindow.length === 0) return null;
  const label = t('changes.inWindow', {
    total: String(inWindow.length),
    window: props.window,
    titles: inWindow.map(c => c.title).join(', '),
  });
  return (
    <Box
      component="span"
      role="img"
      aria-label={label}
      title={label}
      className="unyo-burn-rate-change"
      sx={{ ml: 0.5, color: 'info.main', fontSize: '0.75em' }}
    >
      {`▲${inWindow.length}`}
    </Box>
  );
}
