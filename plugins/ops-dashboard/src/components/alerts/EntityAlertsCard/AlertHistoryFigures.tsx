import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AlertHistorySummary } from '@unyo/plugin-ops-common';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { opsDashboardTranslationRef } from '../../../translation';

/** 30-day counts and MTTR against the configured MTTR target. */
export function AlertHistoryFigures(props: {
  history?: AlertHistorySummary;
  error?: Error;
}) {
  const { history, error } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const f = useSloStatusFormatters();
  if (error) {
    return (
      <Alert severity="warning" variant="outlined">
        {t('alerts.history.loadError', { message: error.message })}
      </Alert>
    );
  }
  if (!history) return null;
  let mttr;
  if (history.mttrMinutes === null) {
    mttr = t('alerts.history.noMttr');
  } else if (history.mttrTargetMinutes === null) {
    mttr = f.formatMinutes(history.mttrMinutes);
  } else {
    mttr = t('alerts.history.mttrValue', {
      value: f.formatMinutes(history.mttrMinutes),
      target: f.formatMinutes(history.mttrTargetMinutes),
    });
  }
  return (
    <Stack direction="row" spacing={3} alignItems="center" flexWrap="wrap">
      <Typography variant="subtitle2">
        {t('alerts.history.title', { days: String(history.windowDays) })}
      </Typography>
      <Typography variant="body2">
        {t('alerts.history.fired')}: <b>{history.fired}</b>
      </Typography>
      <Typography variant="body2">
        {t('alerts.history.resolved')}: <b>{history.resolved}</b>
      </Typography>
      <Typography variant="body2">
        {t('alerts.history.open')}: <b>{history.open}</b>
      </Typography>
      <Typography variant="body2" data-testid="alerts-mttr">
        {t('alerts.history.mttr')}: <b>{mttr}</b>
      </Typography>
      {history.meetsTarget !== null && (
        <Chip
          size="small"
          color={history.meetsTarget ? 'success' : 'error'}
          label={t(
            history.meetsTarget
              ? 'alerts.history.meets'
              : 'alerts.history.misses',
          )}
        />
      )}
    </Stack>
  );
}
