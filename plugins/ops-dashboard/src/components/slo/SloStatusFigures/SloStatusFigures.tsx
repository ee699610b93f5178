import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ChangeMarker, SloStatus } from '@unyo/plugin-ops-common';
import { ReactNode } from 'react';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import {
  hasValues,
  secondsSince,
  staleAgeSeconds,
} from '../../../lib/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloBudgetGauge } from '../SloBudgetGauge';
import { SloBurnRates } from '../SloBurnRates';
import { SloGroups } from '../SloGroups';
import { SloPolicyBadge } from '../SloPolicyBadge';

/** @public */
export interface SloStatusFiguresProps {
  status: SloStatus;
  /** Shown above the figures, e.g. a link to the SLO. */
  heading?: ReactNode;
  /** The current time in ms, for "evaluated 2 min ago" (tests pin it). */
  now?: number;
  /** Changes of the SLO's entity, marked beside the burn rates. */
  changes?: ChangeMarker[];
}

/**
 * The live figures of one SLO: budget left as a gauge, SLI against target,
 * the policy state in words, burn rates with firing alerts, time to
 * exhaustion, allowed downtime and when it was evaluated. `no-data` says
 * there was no traffic; `error` shows the message with the last good values
 * and their age.
 *
 * @public
 */
export function SloStatusFigures(props: SloStatusFiguresProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const f = useSloStatusFormatters();
  const { status } = props;
  const now = props.now ?? Date.now();
  const showValues = status.state !== 'no-data' && hasValues(status);
  const remaining = status.errorBudget?.remainingRatio;

  let stateNotice: ReactNode = null;
  if (status.state === 'error') {
    const message = status.message ?? '';
    const age = staleAgeSeconds(status, now);
    stateNotice = (
      <Alert severity="warning" variant="outlined" sx={{ py: 0 }}>
        {showValues && age !== undefined
          ? t('sloStatus.errorStale', { message, ago: f.formatAgo(age) })
          : t('sloStatus.errorNoValues', { message })}
      </Alert>
    );
  } else if (status.state === 'no-data') {
    stateNotice = (
      <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
        {t('sloStatus.noData', { window: f.formatStatusWindow(status.window) })}
      </Alert>
    );
  }

  const facts: string[] = [];
  if (
    showValues &&
    typeof status.timeToExhaustionSeconds === 'number' &&
    status.timeToExhaustionSeconds > 0 &&
    (remaining === undefined || remaining > 0)
  ) {
    facts.push(
      t('sloStatus.exhaustion', {
        duration: f.formatMinutes(status.timeToExhaustionSeconds / 60),
      }),
    );
  }
  if (typeof status.allowedDowntimeMinutes === 'number') {
    facts.push(
      t('sloStatus.allowedDowntime', {
        duration: f.formatMinutes(status.allowedDowntimeMinutes),
        window: f.formatStatusWindow(status.window),
        target: f.formatTarget(status.target),
      }),
    );
  }
  if (
    typeof status.excludedMaintenanceMinutes === 'number' &&
    status.excludedMaintenanceMinutes > 0
  ) {
    facts.push(
      t('sloStatus.excludedMaintenance', {
        duration: f.formatMinutes(status.excludedMaintenanceMinutes),
      }),
    );
  }
  const evaluatedAgo = secondsSince(status.evaluatedAt, now);
  if (evaluatedAgo !== undefined) {
    facts.push(t('sloStatus.evaluated', { ago: f.formatAgo(evaluatedAgo) }));
  }

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {props.heading}
      {stateNotice}
      {showValues && (
        <Box
          sx={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            columnGap: 3,
            rowGap: 1,
          }}
        >
          {remaining !== undefined && (
            <SloBudgetGauge remainingRatio={remaining} policy={status.policy} />
          )}
          {status.sli && (
            <Box>
              <Typography variant="h6" component="div" sx={{ lineHeight: 1.2 }}>
                {`${f.formatSli(
                  status.sli.ratio,
                  status.target,
                )} / ${f.formatTarget(status.target)}`}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {t('sloStatus.sliVsTarget')}
              </Typography>
            </Box>
          )}
          {status.policy && (
            <SloPolicyBadge
              policy={status.policy}
              policySet={status.policySet}
            />
          )}
        </Box>
      )}
      {showValues && (status.burnRates || status.burnRateAlerts) && (
        <SloBurnRates
          burnRates={status.burnRates}
          burnRateAlerts={status.burnRateAlerts}
          changes={props.changes}
          evaluatedAt={status.evaluatedAt}
        />
      )}
      {showValues && <SloGroups status={status} />}
      {facts.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          {facts.map((fact, index) => (
            <span key={fact}>
              {index > 0 && ' · '}
              <span>{fact}</span>
            </span>
          ))}
        </Typography>
      )}
    </Box>
  );
}
