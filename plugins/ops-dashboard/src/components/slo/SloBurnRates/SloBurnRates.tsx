import { useTranslationRef } from '@backstage/frontend-plugin-api';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import ConfirmationNumberOutlinedIcon from '@mui/icons-material/ConfirmationNumberOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import {
  BURN_RATE_WINDOWS,
  BurnRateAlert,
  BurnRateWindow,
  ChangeMarker,
} from '@unyo/plugin-ops-common';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { firingAlerts, windowSeverities } from '../../../lib/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';
import { BurnRateWindowChanges } from './BurnRateWindowChanges';

const SEVERITY_COLORS = { page: 'error.main', ticket: 'warning.main' };

/** @public */
export interface SloBurnRatesProps {
  burnRates?: Partial<Record<BurnRateWindow, number | null>>;
  burnRateAlerts?: BurnRateAlert[];
  /** Changes of the SLO's entity, counted per window up to `evaluatedAt`. */
  changes?: ChangeMarker[];
  /** ISO instant the burn rates were evaluated at. */
  evaluatedAt?: string;
}

/**
 * The burn rates of the seven windows in one compact row, the windows of
 * firing alerts highlighted, and the firing multi-window alerts (pages
 * before tickets) spelled out.
 *
 * @public
 */
export function SloBurnRates(props: SloBurnRatesProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatBurnRate } = useSloStatusFormatters();
  const severities = windowSeverities(props.burnRateAlerts);
  const alerts = firingAlerts(props.burnRateAlerts);
  const rates = props.burnRates;
  const evaluatedAt = props.evaluatedAt ? Date.parse(props.evaluatedAt) : NaN;
  return (
    <Box>
      {rates && (
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
          <Typography variant="caption" color="text.secondary" noWrap>
            {t('sloStatus.burnRates')}
          </Typography>
          <Box
            component="ul"
            aria-label={t('sloStatus.burnRates')}
            sx={{
              display: 'flex',
              flexWrap: 'wrap',
              columnGap: 1.5,
              rowGap: 0.25,
              m: 0,
              p: 0,
              listStyle: 'none',
            }}
          >
            {BURN_RATE_WINDOWS.map(window => {
              const value = rates[window];
              const severity = severities[window];
              return (
                <Box
                  component="li"
                  key={window}
                  sx={{
                    typography: 'body2',
                    whiteSpace: 'nowrap',
                    fontWeight: severity ? 'bold' : undefined,
                    color: severity ? SEVERITY_COLORS[severity] : undefined,
                  }}
                >
                  <Box component="span" sx={{ color: 'text.secondary' }}>
                    {window}
                  </Box>{' '}
                  {typeof value === 'number' ? (
                    formatBurnRate(value)
                  ) : (
                    <span title={t('sloStatus.noTraffic')}>—</span>
                  )}
                  {props.changes && !Number.isNaN(evaluatedAt) && (
                    <BurnRateWindowChanges
                      window={window}
                      changes={props.changes}
                      at={evaluatedAt}
                    />
                  )}
                </Box>
              );
            })}
          </Box>
        </Box>
      )}
      {alerts.length > 0 && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
          {alerts.map(alert => {
            const values = {
              factor: formatBurnRate(alert.factor),
              long: alert.longWindow,
              short: alert.shortWindow,
            };
            const page = alert.severity === 'page';
            return (
              <Chip
                key={`${alert.severity}-${alert.longWindow}-${alert.shortWindow}`}
                size="small"
                color={page ? 'error' : 'warning'}
                variant={page ? 'filled' : 'outlined'}
                icon={
                  page ? (
                    <NotificationsActiveIcon />
                  ) : (
                    <ConfirmationNumberOutlinedIcon />
                  )
                }
                label={
                  page
                    ? t('sloStatus.alertPage', values)
                    : t('sloStatus.alertTicket', values)
                }
              />
            );
          })}
        </Box>
      )}
    </Box>
  );
}
